package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/** A posted form answered as the pages answer it: redirect, or the page or its htmx fragment with the problems. */
class FormActionTests {

    private final StaticMessageSource messages = new StaticMessageSource();

    private void sent(boolean htmx) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        messages.addMessage("no", Locale.ENGLISH, "Not now: {0}.");
    }

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withoutHtmxASuccessRedirectsToWhereTheResultSays() {
        sent(false);
        FormAction<Integer> taken = FormAction.take(() -> 7, messages, Locale.ENGLISH);
        ModelAndView answer = taken.answer(n -> "/items/" + n, "page", "page :: part", model -> model.put("drawn", true));
        assertThat(answer.getViewName()).isEqualTo("redirect:/items/7");
        assertThat(answer.getModel()).doesNotContainKey("drawn");
    }

    @Test
    void aRefusalRedrawsTheFragmentForHtmxWithItsReasonAnd409() {
        sent(true);
        FormAction<Integer> taken = FormAction.take(() -> {
            throw new Refused("no", "closed");
        }, messages, Locale.ENGLISH);
        ModelAndView answer = taken.answer(n -> "/items/" + n, "page", "page :: part", model -> model.put("drawn", true));
        assertThat(answer.getViewName()).isEqualTo("page :: part");
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getModel()).containsEntry("drawn", true);
        assertThat(taken.errors()).extracting(Forms.FormError::message).containsExactly("Not now: closed.");
    }

    @Test
    void badInputWithoutHtmxShowsTheWholePageWith400AndASuccessWithHtmxTheFragment() {
        sent(false);
        FormAction<Integer> bad = FormAction.take(() -> {
            throw new InvalidInput(Violation.of("n", "no", "empty"));
        }, messages, Locale.ENGLISH);
        ModelAndView page = bad.answer(n -> "/items/" + n, "page", "page :: part", model -> { });
        assertThat(page.getViewName()).isEqualTo("page");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);

        sent(true);
        FormAction<Integer> done = FormAction.take(() -> 1, messages, Locale.ENGLISH);
        ModelAndView fragment = done.answer(n -> "/items/" + n, "page", "page :: part", model -> { });
        assertThat(fragment.getViewName()).isEqualTo("page :: part");
        assertThat(fragment.getStatus()).isEqualTo(HttpStatus.OK);
    }
}
