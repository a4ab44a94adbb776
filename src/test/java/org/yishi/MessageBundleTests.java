package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yishi.accounts.Permission;
import org.yishi.directory.BodyKind;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/** Every text a user can meet exists in both languages. */
class MessageBundleTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(bundle("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("messages_en.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys only in Chinese").isEmpty();
        assertThat(onlyEn).as("keys only in English").isEmpty();
    }

    @Test
    void everyLabelBuiltFromCodeExists() throws IOException {
        List<String> needed = new ArrayList<>();
        Permission.ALL.forEach(p -> needed.add("permission." + p));
        Stream.of("sysadmin", "secadmin", "auditor", "office", "member", "supervision", "liaison", "reader", "volunteer", "station-manager", "congress-office")
                .forEach(r -> needed.add("role." + r));
        for (Class<? extends Enum<?>> type : List.of(BodyKind.class, TimeOfDay.class, MeetingKind.class, ItemKind.class,
                Visibility.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                needed.add("enum." + type.getSimpleName() + "." + value.name());
            }
        }
        for (String name : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Properties bundle = bundle(name);
            assertThat(needed.stream().filter(k -> bundle.getProperty(k) == null).toList()).as("missing in " + name).isEmpty();
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.:\\-]*)[}(]");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(100);
        for (String name : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Properties bundle = bundle(name);
            assertThat(named.stream().filter(k -> bundle.getProperty(k) == null).toList())
                    .as("keys named in templates but missing in " + name).isEmpty();
        }
    }
}
