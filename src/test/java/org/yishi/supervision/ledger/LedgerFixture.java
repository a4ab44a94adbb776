package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.UnitDraft;

/**
 * Units, leaders and supervised items of their own for a ledger test, made through the directory and the supervision
 * API as the office and the units' liaisons would make them, so that tests sharing a database do not see each other's
 * items through the unit filter. Colours are set in the database, as the warning sweep would set them.
 */
final class LedgerFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final RestTestClient http;
    final Api office;
    final JdbcClient jdbc;
    final Directory directory;
    final Accounts accounts;
    final String tag;
    private final Map<Long, Api> liaisons = new HashMap<>();

    LedgerFixture(RestTestClient http, Accounts accounts, Directory directory, JdbcClient jdbc) {
        this.http = http;
        this.accounts = accounts;
        this.directory = directory;
        this.jdbc = jdbc;
        this.office = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision")).in("en");
        this.tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A unit of this fixture: its Chinese name ends with the fixture's tag; its short name is given. */
    long unit(String name, String shortName, int rank) {
        return directory.createUnit(new UnitDraft(name + tag, "Bureau " + name + " " + tag, shortName + tag, rank)).id();
    }

    long person(String name) {
        return directory.createPerson(new PersonDraft(name + tag, null)).id();
    }

    Api liaison(long unitId) {
        return liaisons.computeIfAbsent(unitId,
                u -> new Api(http).signedInAs(TestAccounts.liaison(accounts, u)).in("en"));
    }

    String token(TestAccounts.Login login) {
        return new Api(http).post("/api/auth/tokens", Map.of("username", login.username(), "password", login.password()))
                .expect(201).json().get("token").asString();
    }

    /** Uploads a file to the import as the given account; the answer's status and body. */
    Api.Answer upload(TestAccounts.Login login, String name, String type, byte[] content, String language) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        EntityExchangeResult<byte[]> result = http.post().uri("/api/supervision/items/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(login))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .exchange().returnResult(byte[].class);
        byte[] answer = result.getResponseBody();
        return new Api.Answer(result.getStatus().value(), result.getResponseHeaders(), answer == null ? new byte[0] : answer);
    }

    /** What an item should become. */
    record Spec(String content, long lead, List<Long> co, Long leader, String received, String deadline, Source source,
            ItemState state, Colour colour, Integer progress) {
    }

    /** Registers the item and takes it through the workflow to the spec's state; returns its id. */
    long item(Spec s) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("source", s.source() == Source.DECISION ? "INSTRUCTION" : s.source().name());
        draft.put("content", s.content());
        draft.put("leadUnitId", s.lead());
        draft.put("coUnitIds", s.co());
        if (s.leader() != null) {
            draft.put("leaderPersonId", s.leader());
        }
        draft.put("receivedOn", s.received());
        draft.put("deadline", s.deadline());
        long id = office.create("/api/supervision/items", draft, "/api/supervision/items/").get("id").asLong();
        String at = "/api/supervision/items/" + id;
        ItemState state = s.state();
        if (state != ItemState.REGISTERED) {
            office.post(at + "/assign", Map.of()).expect(200);
        }
        if (state == ItemState.IN_PROGRESS || state == ItemState.REPORTED || state == ItemState.CLOSED
                || state == ItemState.SUSPENDED) {
            liaison(s.lead()).post(at + "/accept", Map.of()).expect(200);
            if (s.progress() != null) {
                liaison(s.lead()).post(at + "/progress", Map.of("text", "已完成" + s.progress() + "%：" + s.content(),
                        "percent", s.progress())).expect(200);
            }
        }
        if (state == ItemState.REPORTED || state == ItemState.CLOSED) {
            liaison(s.lead()).post(at + "/completion", Map.of("text", "全部完成：" + s.content())).expect(200);
        }
        if (state == ItemState.CLOSED) {
            office.post(at + "/close", Map.of()).expect(200);
        }
        if (state == ItemState.SUSPENDED) {
            office.post(at + "/suspend", Map.of("reason", "政策调整")).expect(200);
        }
        if (state == ItemState.RETURNED) {
            liaison(s.lead()).post(at + "/return", Map.of("reason", "不属本单位职责")).expect(200);
        }
        // a meeting's decision is registered from a proposal; here its source is set as such a one would have it
        jdbc.sql("update supervision_item set colour = :c, source = :s where id = :id")
                .param("c", s.colour().name()).param("s", s.source().name()).param("id", id).update();
        return id;
    }

    List<Long> items(List<Spec> specs) {
        List<Long> ids = new ArrayList<>();
        specs.forEach(s -> ids.add(item(s)));
        return ids;
    }

    static Spec spec(String content, long lead, List<Long> co, Long leader, String received, String deadline,
            Source source, ItemState state, Colour colour, Integer progress) {
        return new Spec(content, lead, co, leader, received, deadline, source, state, colour, progress);
    }

    /** A ledger as an office keeps it: a title, an empty row, headers as they name them, then the rows. */
    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("2031年督办事项");
            sheet.createRow(0).createCell(0).setCellValue("2031年区委督查室督办事项台账");
            List<String> headers = List.of("序号", "督办编号", "事项来源", "督办内容", "牵头单位", "配合单位", "分管领导",
                    "交办日期", "完成时限", "状态", "进度", "亮灯", "进展情况");
            Row header = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            var dates = book.createCellStyle();
            dates.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(3 + r);
                List<Object> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v instanceof LocalDate d) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(d);
                        cell.setCellStyle(dates);
                    } else if (v instanceof Double fraction) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(fraction);
                        cell.setCellStyle(percent);
                    } else if (v instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
