package org.yishi.volunteering.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;

/**
 * Stations, managers and registered volunteers for tests of the module's other parts, made through the API as a user
 * would: each with a fresh account, each volunteer with a fictional ID number of valid check digit.
 */
public final class VolunteeringFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 900));

    private final RestTestClient http;
    private final Accounts accounts;
    private final Api office;

    public VolunteeringFixture(RestTestClient http, Accounts accounts) {
        this.http = http;
        this.accounts = accounts;
        this.office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
    }

    /** A station made by the office and the API as its (new) manager. */
    public record KeptStation(long id, Api manager, String managerName) {

        public TestAccounts.Login managerLogin() {
            return new TestAccounts.Login(managerName, TestAccounts.PASSWORD);
        }
    }

    public Api office() {
        return office;
    }

    public TestAccounts.Login account(String prefix, String role) {
        String name = prefix + "-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.createWithPassword(new AccountDraft(name, null, TestAccounts.PASSWORD, null, null), List.of(role));
        return new TestAccounts.Login(name, TestAccounts.PASSWORD);
    }

    public KeptStation station(String name) {
        TestAccounts.Login login = account("mgr", "station-manager");
        long account = accounts.findByUsername(login.username()).orElseThrow().id();
        long id = office.create("/api/volunteering/stations", Map.of("kind", "STATION", "name",
                name + " " + login.username(), "managerAccountIds", List.of(account)), "/api/volunteering/stations/")
                .get("id").asLong();
        return new KeptStation(id, new Api(http).signedInAs(login), login.username());
    }

    /** The module's keys from a given master key (Base64 of 32 bytes), for unit tests of what is derived from it. */
    public static PiiKeys piiKeys(String base64) {
        return new PiiKeys(base64, java.nio.file.Path.of("target/unused-pii.key"));
    }

    /** A fictional, valid ID number, different on each call. */
    public static String idNumber() {
        int n = SERIAL.incrementAndGet();
        String seventeen = "440784" + (1960 + n % 40) + "0101" + String.format("%03d", n % 1000);
        return seventeen + IdNumber.checkCharacter(seventeen);
    }

    /** A volunteer account that has registered itself at the station, and its volunteer id. */
    public record SignedUpVolunteer(long id, Api api, String name, TestAccounts.Login login) {
    }

    public SignedUpVolunteer volunteer(long stationId, String name) {
        TestAccounts.Login login = account("vol", "volunteer");
        Api api = new Api(http).signedInAs(login);
        long id = api.create("/api/volunteering/me?stationId=" + stationId, Map.of("name", name, "idNumber",
                idNumber(), "area", "鹤山区沙坪街道", "contact", "13800000000"), "/api/volunteering/volunteers/")
                .get("id").asLong();
        return new SignedUpVolunteer(id, api, name, login);
    }
}
