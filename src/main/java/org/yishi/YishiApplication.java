package org.yishi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yishi: one modular monolith, one package per business module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YishiApplication {

    public static void main(String[] args) {
        SpringApplication.run(YishiApplication.class, args);
    }
}
