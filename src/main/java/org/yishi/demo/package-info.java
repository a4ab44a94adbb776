/**
 * Demo data: the Heshan district directory with the Standing Committee meeting of 27 February 2023 (the published
 * reference readout), and a fictional district (青川区) with meetings written in Chinese. Loaded once into an
 * empty database through the same APIs a user goes through, so every rule applies to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.yishi.demo;
