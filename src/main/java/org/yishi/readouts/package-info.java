/**
 * Readouts: the press readout (新闻通稿) of a meeting in Chinese and English, rendered from the recorded meeting
 * following the genre — opening sentence, presiding sentence, members present in protocol order, those sitting in,
 * the conclusions, and what else the meeting studied. Only PUBLIC agenda items are ever named or quoted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Readouts")
package org.yishi.readouts;
