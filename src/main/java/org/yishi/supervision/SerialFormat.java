package org.yishi.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The office's serial number format, {@code yishi.supervision.serial-format}, with {year} and {number} in it; by
 * default 督字〔{year}〕{number}号, e.g. 督字〔2023〕12号. Numbers run from 1 within each year.
 */
@Component
public class SerialFormat {

    private final String pattern;

    SerialFormat(@Value("${yishi.supervision.serial-format:督字〔{year}〕{number}号}") String pattern) {
        this.pattern = pattern;
    }

    public String format(int year, int number) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{number}", String.valueOf(number));
    }
}
