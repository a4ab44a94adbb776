package org.yishi.volunteering.registry;

/** A volunteer's sex, as the identity number states it. */
enum Sex { MALE, FEMALE }
