package org.yishi.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The item's log as its page shows it: the workflow's steps and, between them at their time, the lead unit's progress
 * reports (a completion report is already a step of its own).
 */
final class ItemLog {

    private ItemLog() {
    }

    static List<ItemPages.StepLine> lines(List<ItemPages.StepLine> steps, List<Attachments.Report> reports,
            Map<Long, String> actorNames) {
        List<ItemPages.StepLine> lines = new ArrayList<>(steps);
        for (Attachments.Report r : reports) {
            if (!r.completion()) {
                lines.add(new ItemPages.StepLine(new SupervisionStore.Step(r.at(), r.actor(), "report-progress",
                        ItemState.IN_PROGRESS.name(), ItemState.IN_PROGRESS.name(), r.text(), null, null),
                        actorNames.get(r.actor()), null, r.percent()));
            }
        }
        lines.sort(Comparator.comparing(l -> l.step().at()));
        return lines;
    }
}
