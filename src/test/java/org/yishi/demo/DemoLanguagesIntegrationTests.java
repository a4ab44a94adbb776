package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/**
 * No mixed languages in the demo (issue 12): every page, readout and document of the demo data, rendered in English
 * and in Chinese, holds no text of the other language. On an English page a Han character is allowed only inside an
 * element marked {@code lang="zh…"} (a name or place the demo has only in Chinese, shown as such); on a Chinese page
 * a Latin word only inside an element marked {@code lang="en"}, or when it is an acronym, a number or id, a login name
 * or a file format.
 */
// a context of its own: what other tests add to a shared demo database is not the demo's
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.test.database=languages"})
@AutoConfigureMockMvc
class DemoLanguagesIntegrationTests {

    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}，。、：；（）《》“”]+");
    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z][a-z]+(?:['’][a-z]+)?\\b");
    /** Latin words a Chinese page may carry: formats, the product, the other language's name, standard terms. */
    private static final Set<String> ALLOWED_LATIN = Set.of("Yishi", "English", "Word", "Excel", "Markdown", "Html",
            "Http", "Https", "Bearer", "Token", "Swagger", "Json", "Csv", "Pdf", "Docx", "Xlsx", "Ics", "Calendar");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(TestAccounts.Login login) throws Exception {
        return DemoSessions.as(mvc, login);
    }

    private List<Long> ids(String sql) {
        return jdbc.sql(sql).query(Long.class).list();
    }

    /** The pages of the demo, by who reads them. */
    private Map<String, List<String>> pages() {
        List<String> office = new ArrayList<>(List.of("/meetings", "/meetings/calendar", "/meetings/inbox",
                "/directives", "/rules", "/readouts", "/directory/bodies", "/directory/people", "/directory/units"));
        for (long m : ids("select id from meeting order by id")) {
            office.addAll(List.of("/meetings/" + m, "/meetings/" + m + "/readout", "/meetings/" + m + "/notice"));
        }
        for (long m : ids("select id from meeting where state in ('OPEN', 'CLOSED', 'MINUTES_ISSUED', 'ARCHIVED') order by id")) {
            office.addAll(List.of("/meetings/" + m + "/record", "/meetings/" + m + "/minutes", "/meetings/" + m + "/run"));
        }
        ids("select id from body order by id").forEach(b -> office.add("/directory/bodies/" + b));
        ids("select id from person order by id").forEach(p -> office.add("/directory/people/" + p));
        ids("select id from unit order by id").forEach(u -> office.add("/directory/units/" + u));
        List<String> supervision = new ArrayList<>(List.of("/supervision/ledger", "/supervision/dashboard",
                "/supervision/proposals", "/supervision/calendar", "/supervision/notices"));
        ids("select id from supervision_item order by id").forEach(i -> supervision.add("/supervision/items/" + i));
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("office", office);
        pages.put("supervision", supervision);
        return pages;
    }

    private MockHttpServletResponse fetch(String path, String language, RequestPostProcessor who) throws Exception {
        String url = path + (path.contains("?") ? "&" : "?") + "language=" + language;
        MockHttpServletResponse response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }

    @Test
    void everyPageOfTheDemoSpeaksOneLanguage() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var reader : pages().entrySet()) {
            RequestPostProcessor who = as(TestAccounts.of(accounts, reader.getKey()));
            for (String path : reader.getValue()) {
                for (String language : List.of("en", "zh-CN")) {
                    String html = fetch(path, language, who).getContentAsString();
                    mixed(Jsoup.parse(html), language.equals("en")).forEach(t -> wrong.add(language + " " + path + ": " + t));
                }
            }
        }
        assertThat(wrong).as("text of the other language").isEmpty();
    }

    @Test
    void everyReadoutAndDocumentOfTheDemoSpeaksOneLanguage() throws Exception {
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        List<String> wrong = new ArrayList<>();
        for (long m : ids("select id from meeting where state in ('CLOSED', 'MINUTES_ISSUED', 'ARCHIVED') order by id")) {
            for (String language : List.of("en", "zh-CN")) {
                boolean english = language.equals("en");
                String lang = english ? "en" : "zh";
                MockHttpServletResponse readout = mvc.perform(get("/meetings/" + m + "/readout.txt?lang=" + lang)
                        .with(office)).andReturn().getResponse();
                if (readout.getStatus() == 200) {
                    plain(readout.getContentAsString(), english).forEach(t -> wrong.add(lang + " readout " + m + ": " + t));
                }
                byte[] record = fetch("/meetings/" + m + "/record/export?format=docx&lang=" + lang, language, office)
                        .getContentAsByteArray();
                try (var doc = new XWPFDocument(new ByteArrayInputStream(record)); var text = new XWPFWordExtractor(doc)) {
                    plain(text.getText(), english).forEach(t -> wrong.add(lang + " record " + m + ": " + t));
                }
            }
        }
        assertThat(wrong).as("text of the other language").isEmpty();
    }

    /** The text of a page in the other language, outside the elements marked as being in it. */
    private static List<String> mixed(Document page, boolean english) {
        page.select("script, style, template").remove();
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank() && !markedOther(text.parent(), english)) {
                found.addAll(plain(text.text(), english));
            }
        }, page.body());
        return found;
    }

    /**
     * Whether the nearest element declaring a language declares the other one: Chinese ({@code zh…}, but not
     * romanised {@code zh-Latn}) on an English page; English or romanised Chinese on a Chinese page, where ids
     * ({@code <code>}, {@code translate="no"}: login names, codes) are not words either.
     */
    private static boolean markedOther(org.jsoup.nodes.Node node, boolean english) {
        for (org.jsoup.nodes.Node n = node; n instanceof Element e; n = e.parent()) {
            if (!english && (e.nameIs("code") || e.attr("translate").equals("no"))) {
                return true;
            }
            String lang = e.attr("lang");
            if (!lang.isEmpty()) {
                boolean latin = lang.startsWith("en") || lang.endsWith("-Latn");
                return english ? !latin : latin;
            }
        }
        return false;
    }

    /** Han text in English, Latin words (beyond those allowed) in Chinese, each with a little of its context. */
    static List<String> plain(String text, boolean english) {
        List<String> found = new ArrayList<>();
        Matcher m = (english ? HAN : LATIN_WORD).matcher(text);
        while (m.find()) {
            String word = m.group();
            if (english && word.chars().noneMatch(Character::isIdeographic)) {
                continue; // punctuation alone
            }
            if (!english && allowedLatin(word)) {
                continue;
            }
            int from = Math.max(0, m.start() - 15);
            int to = Math.min(text.length(), m.end() + 15);
            found.add("«" + word + "» in …" + text.substring(from, to).replace('\n', ' ') + "…");
        }
        return found;
    }

    private static boolean allowedLatin(String word) {
        String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase();
        return ALLOWED_LATIN.contains(capitalised);
    }
}
