package org.yishi.meetings;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yishi.platform.Violation;

/** The agenda rules' warnings about a meeting, as a viewer who may not see every item may be told them. */
final class MeetingWarnings {

    private static final Pattern ITEM = Pattern.compile("^items\\[(\\d+)]");

    private MeetingWarnings() {
    }

    /**
     * {@link Procedure#warnings} of the whole meeting, less those about an item the viewer cannot see ({@code shown}
     * is the meeting as the viewer sees it). Warnings about the agenda as a whole (the first item) are kept.
     */
    static List<Violation> of(Procedure procedure, Meeting whole, Meeting shown) {
        Set<Long> visible = shown.items().stream().map(AgendaItem::id).collect(Collectors.toSet());
        return procedure.warnings(whole).stream().filter(v -> {
            Matcher m = ITEM.matcher(v.field());
            if (!m.find() || v.field().equals("items[0]") && v.code().startsWith("procedure.warn.first-item")) {
                return true;
            }
            int index = Integer.parseInt(m.group(1));
            return index < whole.items().size() && visible.contains(whole.items().get(index).id());
        }).toList();
    }
}
