package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;

class PasswordPolicyTests {

    private static List<String> problems(String password, String username) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> PasswordPolicy.check("p", password, username));
        return refused == null ? List.of() : refused.violations().stream().map(Violation::code).toList();
    }

    @Test
    void tenCharactersOfThreeKindsWithoutTheUserName() {
        assertThat(problems("Abcdefgh1", "li")).containsExactly("accounts.password.too-short");
        assertThat(problems("abcdefghij", "li")).containsExactly("accounts.password.classes");
        assertThat(problems("abcdefgh12", "li")).containsExactly("accounts.password.classes");
        assertThat(problems("Wangfei-2024", "wangfei")).containsExactly("accounts.password.contains-username");
        assertThat(problems("short", "short")).containsExactly("accounts.password.too-short", "accounts.password.classes",
                "accounts.password.contains-username");
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("p", "abcdefgh1!", "li"));
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("p", "ABCDEFGH1a", "li"));
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("p", "议事系统口令密码Ab1", "li"));
    }

    @Test
    void generatedPasswordsAlwaysPass() {
        for (int i = 0; i < 1000; i++) {
            String generated = PasswordPolicy.generate();
            assertThat(generated).hasSize(16);
            assertThat(problems(generated, "sysadmin")).isEmpty();
        }
    }

    @Test
    void providerRolesMapToYishiRolesAndUnknownOnesAreIgnored() {
        Map<String, String> mapping = Map.of("yishi-office", "office", "yishi-reader", "reader");
        assertThat(OidcAccounts.yishiRoles(List.of("yishi-office", "other", "yishi-office"), mapping)).containsExactly("office");
        assertThat(OidcAccounts.yishiRoles(List.of("yishi-reader", "yishi-office"), mapping)).containsExactly("reader", "office");
        assertThat(OidcAccounts.yishiRoles("not-a-list", mapping)).isEmpty();
        assertThat(OidcAccounts.yishiRoles(null, mapping)).isEmpty();
    }
}
