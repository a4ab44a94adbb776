package org.yishi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port, reached over real HTTP through a {@code RestTestClient}, in a fresh
 * database of its own: on the one embedded PostgreSQL of the test JVM, or on the external PostgreSQL named by
 * {@code YISHI_DB_URL} when that is set. Test classes with the same settings share one application and database.
 *
 * <p>Every test chooses whether the demo data is loaded, e.g. {@code @YishiIntegrationTest("yishi.demo-data=off")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestPropertySource(properties = {"yishi.db.ephemeral=true", "yishi.db.fresh-database=true",
        "yishi.volunteering.pii-key-file=target/test-pii.key"})
public @interface YishiIntegrationTest {

    /** Further properties; must include {@code yishi.demo-data=on} or {@code yishi.demo-data=off}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] value();
}
