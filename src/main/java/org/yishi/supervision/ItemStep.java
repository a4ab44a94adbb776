package org.yishi.supervision;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.yishi.platform.InvalidInput;
import org.yishi.platform.Refused;

/**
 * The supervised item's transition table: for every step, who takes it (the supervision office or the lead unit),
 * in which states it is allowed, and what else its timing needs. {@link Supervision} consults it when it refuses a
 * step, the item's page when it chooses which steps to offer; so a step is offered exactly when it would not be
 * refused.
 */
enum ItemStep {

    ASSIGN("assign", "assign", Actor.OFFICE, ItemState.REGISTERED, ItemState.RETURNED),
    CLOSE("close", "close", Actor.OFFICE, ItemState.REPORTED),
    SEND_BACK("send-back", "send-back", Actor.OFFICE, ItemState.REPORTED),
    SUSPEND("suspend", "suspend", Actor.OFFICE, ItemState.ASSIGNED, ItemState.IN_PROGRESS, ItemState.REPORTED),
    RESUME("resume", "resume", Actor.OFFICE, ItemState.SUSPENDED),
    /**
     * On a pending request, while the item is still being handled: once it is closed (or was returned as outside the
     * unit's remit) a deadline moved now would rewrite its on-time figure.
     */
    DECIDE_EXTENSION("decide-extension", "decide-extension", Actor.OFFICE, ItemState.ASSIGNED, ItemState.IN_PROGRESS,
            ItemState.REPORTED, ItemState.SUSPENDED),
    ACCEPT("accept", "accept", Actor.LEAD, ItemState.ASSIGNED),
    RETURN("return", "return", Actor.LEAD, ItemState.ASSIGNED),
    REPORT_PROGRESS("report-progress", "progress", Actor.LEAD, ItemState.IN_PROGRESS),
    REPORT_COMPLETION("report-completion", "completion", Actor.LEAD, ItemState.IN_PROGRESS),
    REQUEST_EXTENSION("request-extension", "extension", Actor.LEAD, ItemState.ASSIGNED, ItemState.IN_PROGRESS);

    /** Who takes a step: the supervision office (supervision:manage) or the liaison of the item's lead unit. */
    enum Actor { OFFICE, LEAD }

    /** What a step's decision depends on, besides its input: the item, the viewer's part in it, and the day. */
    record Situation(ItemState state, boolean office, boolean lead, LocalDate today, LocalDate deadline,
            LocalDate startOn, LocalDate returnBy, boolean extensionPending) {

        static Situation of(SupervisionItem item, boolean office, boolean lead, LocalDate today, LocalDate returnBy,
                boolean extensionPending) {
            return new Situation(item.state(), office, lead, today, item.deadline(), item.startOn(), returnBy,
                    extensionPending);
        }
    }

    /** The action's name in the log, the audit and the messages (supervision.action.*, supervision.allowed.*). */
    final String action;
    /** The name under which the item's page offers the step. */
    final String offer;
    final Actor actor;
    private final Set<ItemState> states;

    ItemStep(String action, String offer, Actor actor, ItemState... states) {
        this.action = action;
        this.offer = offer;
        this.actor = actor;
        this.states = EnumSet.of(states[0], states);
    }

    boolean allowedIn(ItemState state) {
        return states.contains(state);
    }

    boolean takenBy(Situation s) {
        return actor == Actor.OFFICE ? s.office() : s.lead();
    }

    /** Refuses the step when the item's state does not allow it, naming what the state allows. */
    void expectState(ItemState state) {
        if (!allowedIn(state)) {
            throw new Refused("supervision.illegal-step", InvalidInput.label("supervision.action." + action),
                    InvalidInput.label("enum.ItemState." + state.name()),
                    InvalidInput.label("supervision.allowed." + action));
        }
    }

    /** Why the step's timing refuses it now, if it does (the return window, the deadline, a pending request). */
    Optional<Refused> timing(Situation s) {
        return switch (this) {
            case RETURN -> s.returnBy() != null && s.today().isAfter(s.returnBy())
                    ? Optional.of(new Refused("supervision.return-too-late", Supervision.RETURN_WITHIN_WORKING_DAYS,
                            s.startOn(), s.returnBy()))
                    : Optional.empty();
            case REQUEST_EXTENSION -> s.today().isAfter(s.deadline())
                    ? Optional.of(new Refused("supervision.extension-after-deadline", s.deadline()))
                    : s.extensionPending() ? Optional.of(new Refused("supervision.extension-pending")) : Optional.empty();
            case DECIDE_EXTENSION -> s.extensionPending() ? Optional.empty()
                    : Optional.of(new Refused("supervision.no-extension"));
            default -> Optional.empty();
        };
    }

    /** Whether the step would go through in the situation (given good input). */
    boolean allows(Situation s) {
        return takenBy(s) && allowedIn(s.state()) && timing(s).isEmpty();
    }

    /**
     * The steps the item's page offers, by their offer names; a return refused only because its window has passed is
     * offered as "return-late", a note that says so.
     */
    static Set<String> offered(Situation s) {
        Set<String> can = new LinkedHashSet<>();
        for (ItemStep step : values()) {
            if (step.allows(s)) {
                can.add(step.offer);
            } else if (step == RETURN && step.takenBy(s) && step.allowedIn(s.state())) {
                can.add("return-late");
            }
        }
        return can;
    }
}
