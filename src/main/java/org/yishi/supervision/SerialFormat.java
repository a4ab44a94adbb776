package org.yishi.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The office's serial number format, {@code yishi.supervision.serial-format}, with {year} and {number} in it; by
 * default 督字〔{year}〕{number}号, e.g. 督字〔2023〕12号. Numbers run from 1 within each year.
 */
@Component
public class SerialFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|number)}");

    private final String pattern;

    public SerialFormat(@Value("${yishi.supervision.serial-format:督字〔{year}〕{number}号}") String pattern) {
        this.pattern = pattern;
    }

    public String format(int year, int number) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{number}", String.valueOf(number));
    }

    /** A serial read back: its year and number. */
    public record Serial(int year, int number) {
    }

    /**
     * The year and number of a serial written in this format (read from an imported ledger); brackets typed as
     * [ ] 【 】 ［ ］ ( ) （ ） count as the format's 〔 〕, and spaces are ignored. Empty when the text is not in the
     * format.
     */
    public Optional<Serial> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replaceAll("\\s+", "");
        if (pattern.contains("〔") && pattern.contains("〕")) {
            t = t.replaceAll("[\\[［【(（]", "〔").replaceAll("[\\]］】)）]", "〕");
        }
        StringBuilder regex = new StringBuilder();
        List<String> order = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int at = 0;
        while (m.find()) {
            regex.append(literal(pattern.substring(at, m.start())));
            regex.append(m.group(1).equals("year") ? "(\\d{4})" : "0*(\\d{1,9})");
            order.add(m.group(1));
            at = m.end();
        }
        regex.append(literal(pattern.substring(at)));
        Matcher found = Pattern.compile(regex.toString()).matcher(t);
        if (order.size() != 2 || !order.contains("year") || !order.contains("number") || !found.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(found.group(order.indexOf("year") + 1));
        int number = Integer.parseInt(found.group(order.indexOf("number") + 1));
        return number < 1 ? Optional.empty() : Optional.of(new Serial(year, number));
    }

    private static String literal(String part) {
        String stripped = part.replaceAll("\\s+", "");
        return stripped.isEmpty() ? "" : Pattern.quote(stripped);
    }
}
