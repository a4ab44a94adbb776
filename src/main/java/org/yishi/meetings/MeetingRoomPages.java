package org.yishi.meetings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.yishi.directory.ProtocolOrder;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Directory;
import org.yishi.directory.Office;
import org.yishi.directory.PersonStanding;
import org.yishi.platform.FormAction;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.meetings.rules.RuleSets;
import org.yishi.meetings.rules.RuleTexts;
import org.yishi.meetings.rules.RulesOfProcedure;

/**
 * The meeting in session (会议进行): one page from which office staff run a meeting under its rules of procedure —
 * the notice, check-in, the quorum, opening, each item's recusals, opinions, vote and decision, closing, archiving.
 * Every action is a form: with htmx it answers the redrawn room (with the refusal's reasons, status 409, when refused);
 * without it, it redirects back to the page. Everything lives in PostgreSQL, so every node serves every viewer: the
 * room asks every few seconds whether anything changed (a digest of the meeting's state) and is redrawn only then.
 */
@Controller
@RequestMapping("/meetings/{id}/run")
@PreAuthorize("hasAuthority('meeting:run')")
class MeetingRoomPages {

    private final Meetings meetings;
    private final Procedure procedure;
    private final Corrections corrections;
    private final MeetingStore store;
    private final RuleSets ruleSets;
    private final RuleTexts texts;
    private final MeetingTitles titles;
    private final Directory directory;
    private final MessageSource messages;

    MeetingRoomPages(Meetings meetings, Procedure procedure, Corrections corrections, MeetingStore store, RuleSets ruleSets,
            RuleTexts texts, MeetingTitles titles, Directory directory, MessageSource messages) {
        this.meetings = meetings;
        this.procedure = procedure;
        this.corrections = corrections;
        this.store = store;
        this.ruleSets = ruleSets;
        this.texts = texts;
        this.titles = titles;
        this.directory = directory;
        this.messages = messages;
    }

    // ------------------------------------------------------------------------------------------- what the page shows

    /** One step of the lifecycle in the state bar. */
    record Step(MeetingState state, boolean done, boolean current) {
    }

    /** Somebody named on the page: name and title in the user's language. */
    record Named(long id, String name, String title) {
    }

    /** A member due at the meeting, as checked in. */
    record Member(long id, String name, String title, boolean presiding, Procedure.Attendance status, String reason) {
    }

    /** An agenda item in the list: its wording and where it stands (pending, voting, or its outcome). */
    record ItemLine(long id, int position, String title, String status, boolean selected, boolean adHoc) {
    }

    /** A member entitled to vote on the item, and whether (and, in an open vote, how) they voted. */
    record Voter(long id, String name, String title, boolean voted, Choice choice) {
    }

    record Said(long id, String name, String title, boolean written, String text) {
    }

    record Recused(long personId, String name, String reason) {
    }

    /**
     * The selected item with everything the panel shows and which actions it offers now.
     *
     * @param entitled members present and not recused: those who may vote on the item
     */
    record Panel(AgendaItem item, String title, String otherTitle, List<Recused> recusals, List<Named> recusable,
            boolean recusalsOpen, boolean recusalsLocked, List<Said> opinions, List<Named> speakers, boolean opinionsOpen,
            Vote vote, List<Voter> voters, int entitled, int recused, int yes, int no, int abstain, int notVoted,
            Decision decision, String explanation, boolean needsConsent, boolean canConsent, boolean canOpenVote,
            boolean voting, boolean canDecide, boolean canAdoptWithoutVote, boolean conclusionsOpen,
            boolean canWithdrawRecusal, boolean recusalsDuringVote, boolean canCorrectBallot, boolean canAllExcept,
            boolean canReopen) {
    }

    /**
     * Which of an item's forms the panel offers: each exactly when the transition table allows its step for the
     * meeting and the item as they stand, so that nothing is offered that {@link Procedure} would refuse for its state.
     */
    record Offers(boolean consent, boolean recuse, boolean withdrawRecusal, boolean opinion, boolean openVote,
            boolean ballot, boolean count, boolean decide, boolean adoptWithoutVote, boolean conclusions,
            boolean allExcept, boolean correctBallot, boolean reopenItem) {

        static Offers of(MeetingState state, Steps.ItemState item) {
            return new Offers(Steps.allowed(Steps.Step.CONSENT, state, item), Steps.allowed(Steps.Step.RECUSE, state, item),
                    Steps.allowed(Steps.Step.WITHDRAW_RECUSAL, state, item), Steps.allowed(Steps.Step.OPINION, state, item),
                    Steps.allowed(Steps.Step.OPEN_VOTE, state, item), Steps.allowed(Steps.Step.CAST, state, item),
                    Steps.allowed(Steps.Step.COUNT, state, item), Steps.allowed(Steps.Step.DECIDE, state, item),
                    Steps.allowed(Steps.Step.ADOPT_WITHOUT_VOTE, state, item), Steps.allowed(Steps.Step.CONCLUSIONS, state, item),
                    Steps.allowed(Steps.Step.CAST_ALL_EXCEPT, state, item), Steps.allowed(Steps.Step.CORRECT_BALLOT, state, item),
                    Steps.allowed(Steps.Step.REOPEN_ITEM, state, item));
        }
    }

    /** What the room is drawn from, and its digest: the same state gives the same digest on every node. */
    private record Snapshot(Meeting full, Map<Long, ItemProceedings> proceedings, Procedure.QuorumState quorum,
            List<Violation> warnings, String version) {
    }

    /** What an action did, for the notice at the top of the room, and the item to show afterwards (null: the same). */
    private record Done(Violation notice, Long select) {
    }

    // ------------------------------------------------------------------------------------------- reading

    @GetMapping
    String page(@PathVariable long id, @RequestParam(required = false) Long item, Model model, Locale locale) {
        room(snapshot(id), meetings.meetingFor(Viewers.current(), id), item, model.asMap(), locale);
        return "meetings/run";
    }

    /** The room again, when something changed since the version the viewer has; 204 (nothing to redraw) otherwise. */
    @GetMapping("/live")
    String live(@PathVariable long id, @RequestParam(required = false) Long item, @RequestParam(required = false) String v,
            Model model, Locale locale, HttpServletResponse response) {
        Viewer viewer = Viewers.current();
        if (!meetings.visibleTo(viewer, id)) {
            throw new NotFound("kind.meeting", id);
        }
        Snapshot s = snapshot(id);
        if (s.version().equals(v)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        room(s, meetings.meetingFor(viewer, id), item, model.asMap(), locale);
        return "meetings/run :: room";
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    @PostMapping("/notify")
    ModelAndView notify(@PathVariable long id, @RequestParam(required = false) Long item) {
        return act(id, item, "lifecycle", () -> done("room.done.notify", procedure.notify(id).sequence()));
    }

    @PostMapping("/open")
    ModelAndView open(@PathVariable long id, @RequestParam(required = false) Long item) {
        return act(id, item, "lifecycle", () -> {
            procedure.open(id);
            return done("room.done.open");
        });
    }

    @PostMapping("/close")
    ModelAndView close(@PathVariable long id, @RequestParam(required = false) Long item) {
        return act(id, item, "lifecycle", () -> {
            procedure.close(id);
            return done("room.done.close");
        });
    }

    @PostMapping("/archive")
    ModelAndView archive(@PathVariable long id, @RequestParam(required = false) Long item) {
        return act(id, item, "lifecycle", () -> {
            procedure.archive(id);
            return done("room.done.archive");
        });
    }

    /** A closed meeting back in session, with the reason, before its minutes are begun. */
    @PostMapping("/reopen")
    ModelAndView reopen(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long item) {
        return act(id, item, "reopen", () -> {
            corrections.reopen(id, reason);
            return done("room.done.reopen");
        });
    }

    // ------------------------------------------------------------------------------------------- attendance

    @PostMapping("/attendance")
    ModelAndView checkIn(@PathVariable long id, @RequestParam(required = false) Long personId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long item) {
        return act(id, item, "ON_LEAVE".equals(status) ? "leave-" + personId : "attendance", () -> {
            Procedure.Attendance attendance = parse(Procedure.Attendance.class, status, "attendance");
            procedure.checkIn(id, personId, attendance, reason);
            return done("room.done.check-in." + attendance.name(), name(personId));
        });
    }

    // ------------------------------------------------------------------------------------------- items

    @PostMapping("/items")
    ModelAndView addItem(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String titleZh, @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String visibility, @RequestParam(defaultValue = "false") boolean collectiveDecision,
            @RequestParam(defaultValue = "false") boolean consent) {
        return act(id, null, "ad-hoc", () -> {
            ItemDraft draft = new ItemDraft(null, parse(ItemKind.class, kind, "itemKind"), titleZh, titleEn, true,
                    parse(Visibility.class, visibility, "visibility"), null, null, true, consent, collectiveDecision,
                    null, null);
            AgendaItem added = procedure.addAdHocItem(id, draft).items().getLast();
            return new Done(Violation.of("", consent ? "room.done.ad-hoc-consent" : "room.done.ad-hoc", added.position()),
                    added.id());
        });
    }

    @PostMapping("/items/{itemId}/consent")
    ModelAndView consent(@PathVariable long id, @PathVariable long itemId) {
        return act(id, itemId, "consent", () -> {
            procedure.recordConsent(itemId);
            return done("room.done.consent");
        });
    }

    @PostMapping("/items/{itemId}/conclusions")
    ModelAndView conclusions(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String zh,
            @RequestParam(required = false) String en) {
        return act(id, itemId, "conclusions", () -> {
            procedure.recordConclusions(itemId, zh, en);
            return done("room.done.conclusions");
        });
    }

    @PostMapping("/items/{itemId}/recusals")
    ModelAndView recuse(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Long personId,
            @RequestParam(required = false) String reason) {
        return act(id, itemId, "recusal", () -> {
            procedure.recuse(itemId, personId, reason);
            return done("room.done.recuse", name(personId));
        });
    }

    @PostMapping("/items/{itemId}/recusals/{personId}/withdraw")
    ModelAndView withdraw(@PathVariable long id, @PathVariable long itemId, @PathVariable long personId) {
        return act(id, itemId, "withdraw", () -> {
            procedure.withdrawRecusal(itemId, personId);
            return done("room.done.withdraw", name(personId));
        });
    }

    @PostMapping("/items/{itemId}/opinions")
    ModelAndView opinion(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Long personId,
            @RequestParam(defaultValue = "false") boolean written, @RequestParam(required = false) String text) {
        return act(id, itemId, "opinion", () -> {
            procedure.recordOpinion(itemId, personId, written, text);
            return done(written ? "room.done.written-opinion" : "room.done.opinion", name(personId));
        });
    }

    @PostMapping("/items/{itemId}/opinions/{opinionId}/remove")
    ModelAndView removeOpinion(@PathVariable long id, @PathVariable long itemId, @PathVariable long opinionId) {
        return act(id, itemId, "opinion-remove", () -> {
            procedure.removeOpinion(itemId, opinionId);
            return done("room.done.opinion-removed");
        });
    }

    // ------------------------------------------------------------------------------------------- votes and decisions

    @PostMapping("/items/{itemId}/vote")
    ModelAndView openVote(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String method) {
        return act(id, itemId, "vote", () -> {
            VoteMethod chosen = parse(VoteMethod.class, method, "voteMethod");
            procedure.openVote(itemId, chosen);
            return done("room.done.vote-open", InvalidInput.label("enum.VoteMethod." + chosen.name()));
        });
    }

    @PostMapping("/items/{itemId}/ballots")
    ModelAndView cast(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Long personId,
            @RequestParam(required = false) String choice) {
        return act(id, itemId, "ballot", () -> {
            Choice chosen = parse(Choice.class, choice, "choice");
            procedure.cast(itemId, personId, chosen);
            return chosen == null ? done("room.done.ballot-secret", name(personId))
                    : done("room.done.ballot", name(personId), InvalidInput.label("enum.Choice." + chosen.name()));
        });
    }

    @PostMapping("/items/{itemId}/count")
    ModelAndView count(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String yes,
            @RequestParam(required = false) String no, @RequestParam(required = false) String abstain,
            @RequestParam(defaultValue = "false") boolean inPrinciple) {
        return act(id, itemId, "count", () -> {
            Decision d = procedure.count(itemId, number(yes, "yes"), number(no, "no"), number(abstain, "abstain"), inPrinciple);
            return done("room.done.counted", InvalidInput.label("enum.Outcome." + d.outcome().name()));
        });
    }

    @PostMapping("/items/{itemId}/ballots/{personId}/correct")
    ModelAndView correctBallot(@PathVariable long id, @PathVariable long itemId, @PathVariable long personId,
            @RequestParam(required = false) String choice, @RequestParam(required = false) String reason) {
        return act(id, itemId, "correct-" + personId, () -> {
            Choice chosen = parse(Choice.class, choice, "choice");
            corrections.correctBallot(itemId, personId, chosen, reason);
            return chosen == null ? done("room.done.ballot-withdrawn", name(personId))
                    : done("room.done.ballot-corrected", name(personId), InvalidInput.label("enum.Choice." + chosen.name()));
        });
    }

    /** "All in favour, except …": the form names each member yet to vote, as {@code except-<person id>=NO|ABSTAIN}. */
    @PostMapping("/items/{itemId}/ballots/all-except")
    ModelAndView castAllExcept(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> form) {
        return act(id, itemId, "all-except", () -> {
            Map<Long, Choice> except = new java.util.LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith("except-") && !Text.blank(value)) {
                    long personId;
                    try {
                        personId = Long.parseLong(key.substring("except-".length()));
                    } catch (NumberFormatException e) {
                        throw new InvalidInput(Violation.of("personId", "problem.bad-value", InvalidInput.label("kind.person")));
                    }
                    except.put(personId, parse(Choice.class, value, "choice"));
                }
            });
            return done("room.done.all-except", corrections.castAllExcept(itemId, except), except.size());
        });
    }

    @PostMapping("/items/{itemId}/decision/reopen")
    ModelAndView reopenItem(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String reason) {
        return act(id, itemId, "reopen-item", () -> {
            corrections.reopenItem(itemId, reason);
            return done("room.done.reopen-item");
        });
    }

    @PostMapping("/items/{itemId}/decision")
    ModelAndView decide(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String noteZh, @RequestParam(required = false) String noteEn) {
        return act(id, itemId, "decision", () -> {
            Decision d = procedure.decide(itemId, parse(Outcome.class, outcome, "outcome"), noteZh, noteEn);
            return done("room.done.decided", InvalidInput.label("enum.Outcome." + d.outcome().name()));
        });
    }

    // ------------------------------------------------------------------------------------------- acting

    private static Done done(String code, Object... args) {
        return new Done(Violation.of("", code, args), null);
    }

    /**
     * Runs an action for a viewer who may see the meeting (and the item): with htmx, answers the room redrawn, with the
     * refusal's reasons and 409 (400 for bad input) when refused; without htmx, redirects back to the page on success
     * and shows the whole page with the reasons otherwise.
     *
     * @param form which form was sent, so that a refused one is shown again as the user filled it in
     */
    private ModelAndView act(long id, Long itemId, String form, Supplier<Done> change) {
        Locale locale = LocaleContextHolder.getLocale();
        Viewer viewer = Viewers.current();
        Meeting seen = meetings.meetingFor(viewer, id);
        if (itemId != null && seen.item(itemId) == null) {
            throw new NotFound("kind.item", itemId);
        }
        Set<Long> shown = new HashSet<>();
        seen.items().forEach(i -> shown.add(i.id()));
        Set<Long> hidden = new HashSet<>();
        meetings.meeting(id).items().stream().map(AgendaItem::id).filter(i -> !shown.contains(i)).forEach(hidden::add);

        FormAction<Done> taken = FormAction.take(change, messages, locale);
        Long select = taken.succeeded() && taken.result().select() != null ? taken.result().select() : itemId;
        return taken.answer(done -> "/meetings/" + id + "/run" + (select == null ? "" : "?item=" + select),
                "meetings/run", "meetings/run :: room", model -> {
                    Snapshot s = snapshot(id);
                    // the items hidden from the viewer before stay hidden; one the viewer has just raised is shown
                    Meeting now = s.full().withItems(s.full().items().stream().filter(i -> !hidden.contains(i.id())).toList());
                    room(s, now, select, model, locale);
                    model.put("errors", taken.errors());
                    model.put("notice", taken.succeeded() ? Messages.resolve(messages, taken.result().notice(), locale) : null);
                    // the answer is shown where the user acted: over the item for what concerns it, over the room otherwise
                    boolean onItem = !(form.equals("lifecycle") || form.equals("attendance") || form.startsWith("leave-")
                            || form.equals("ad-hoc") || form.equals("reopen"));
                    model.put("answerAt", onItem && select != null ? "item" : "room");
                    model.put("failed", taken.succeeded() ? null : form);
                });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (Text.blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Violation.of(field, "problem.bad-value", InvalidInput.label("field." + field)));
        }
    }

    private static Integer number(String value, String field) {
        if (Text.blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(Violation.of(field, "procedure.secret-counts"));
        }
    }

    /** A person's name as a message argument in either language; the id itself when unknown. */
    private Object name(Long personId) {
        if (personId == null) {
            return "";
        }
        return directory.findPerson(personId)
                .map(p -> (Object) new org.yishi.platform.Bilingual(p.nameZh(), p.nameRomanized()))
                .orElse(String.valueOf(personId));
    }

    // ------------------------------------------------------------------------------------------- drawing the room

    private Snapshot snapshot(long id) {
        Meeting full = meetings.meeting(id);
        Map<Long, ItemProceedings> all = procedure.proceedings(id);
        Procedure.QuorumState q = procedure.quorum(full);
        List<Violation> warnings = procedure.warnings(full);
        StringBuilder state = new StringBuilder().append(full).append('|').append(q).append('|').append(warnings);
        full.items().forEach(i -> state.append('|').append(all.get(i.id())));
        return new Snapshot(full, all, q, warnings, digest(state.toString()));
    }

    private static String digest(String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills the model for the room, with the meeting as the viewer may see it. */
    private void room(Snapshot s, Meeting m, Long itemId, Map<String, Object> model, Locale locale) {
        boolean english = MeetingTitles.english(locale);
        MeetingState state = m.state();
        Set<Long> due = procedure.membersDue(m);
        Set<Long> everybody = new LinkedHashSet<>(due);
        everybody.addAll(m.people());
        s.proceedings().values().forEach(p -> {
            p.recusals().forEach(r -> everybody.add(r.personId()));
            p.opinions().forEach(o -> everybody.add(o.personId()));
        });
        Map<Long, PersonStanding> standings = directory.standingsOn(m.date(), everybody);

        model.put("errors", List.of());
        model.put("answerAt", "room");
        model.put("meeting", m);
        model.put("heading", titles.heading(m, locale));
        model.put("version", s.version());
        model.put("steps", List.of(MeetingState.values()).stream()
                .map(st -> new Step(st, st.compareTo(state) < 0, st == state)).toList());
        Steps.Step next = Steps.next(state);
        model.put("next", next == null ? null : next.name().toLowerCase(Locale.ROOT));
        model.put("canReopen", state == MeetingState.CLOSED
                && Steps.refusal(Steps.Step.REOPEN, state, store.minutesBegun(m.id())).isEmpty());

        warnings(s, m, model, locale);
        quorum(s.quorum(), m, english, model, locale);
        members(m, due, standings, english, model);
        agenda(s, m, itemId, due, standings, english, model, locale);
    }

    /** The agenda's warnings: those on items the viewer may not see are not theirs to read. */
    private void warnings(Snapshot s, Meeting m, Map<String, Object> model, Locale locale) {
        Set<Integer> shownPositions = new HashSet<>();
        for (int i = 0; i < s.full().items().size(); i++) {
            if (m.item(s.full().items().get(i).id()) != null) {
                shownPositions.add(i);
            }
        }
        model.put("warnings", s.warnings().stream().filter(w -> concernsShown(w, shownPositions))
                .map(w -> Messages.resolve(messages, w, locale)).toList());
    }

    private void quorum(Procedure.QuorumState q, Meeting m, boolean english, Map<String, Object> model, Locale locale) {
        RulesOfProcedure rules = ruleSets.forBody(m.bodyId());
        model.put("quorum", q);
        model.put("quorumText", texts.explain(q.check(), locale));
        model.put("personnelText", texts.explain(q.personnel(), locale));
        model.put("ruleName", rules.name(english));
        model.put("ruleText", texts.describe(rules.rules(), locale));

    }

    /** The roll: each member due, as checked in. */
    private static void members(Meeting m, Set<Long> due, Map<Long, PersonStanding> standings, boolean english,
            Map<String, Object> model) {
        MeetingState state = m.state();
        List<Member> members = ordered(due, standings).stream().map(st -> {
            long pid = st.personId();
            Named n = named(st, english);
            Leave leave = m.onLeave().stream().filter(l -> l.personId() != null && l.personId() == pid).findFirst().orElse(null);
            Procedure.Attendance status = m.present().contains(pid) ? Procedure.Attendance.PRESENT
                    : leave != null ? Procedure.Attendance.ON_LEAVE : Procedure.Attendance.ABSENT;
            return new Member(pid, n.name(), n.title(), pid == m.presidingPersonId(), status, leave == null ? null : leave.reason());
        }).toList();
        model.put("members", members);
        model.put("checkInOpen", Steps.allowed(Steps.Step.CHECK_IN, state));
        model.put("presentCount", members.stream().filter(x -> x.status() == Procedure.Attendance.PRESENT).count());
        model.put("leaveCount", members.stream().filter(x -> x.status() == Procedure.Attendance.ON_LEAVE).count());
        model.put("absentCount", members.stream().filter(x -> x.status() == Procedure.Attendance.ABSENT).count());

    }

    /** The agenda, and the panel of the selected item (the first undecided one when none is asked for). */
    private void agenda(Snapshot s, Meeting m, Long itemId, Set<Long> due, Map<Long, PersonStanding> standings,
            boolean english, Map<String, Object> model, Locale locale) {
        MeetingState state = m.state();
        AgendaItem selected = itemId == null ? null : m.item(itemId);
        if (selected == null) {
            selected = m.items().stream().filter(i -> s.proceedings().get(i.id()).decision() == null).findFirst()
                    .orElse(m.items().isEmpty() ? null : m.items().getFirst());
        }
        long selectedId = selected == null ? -1 : selected.id();
        model.put("items", m.items().stream().map(i -> new ItemLine(i.id(), i.position(), i.title(english),
                status(s.proceedings().get(i.id())), i.id() == selectedId, i.adHoc())).toList());
        model.put("panel", selected == null ? null : panel(m, selected, s.proceedings().get(selected.id()), due,
                standings, english, locale));
        model.put("adHocOpen", Steps.allowed(Steps.Step.ADD_AD_HOC, state));
        model.put("itemKinds", ItemKind.values());
        model.put("visibilities", Visibility.values());
        model.put("methods", VoteMethod.values());
        model.put("choices", Choice.values());
    }

    private Panel panel(Meeting m, AgendaItem item, ItemProceedings p, Set<Long> due, Map<Long, PersonStanding> standings,
            boolean english, Locale locale) {
        MeetingState state = m.state();
        Offers offers = Offers.of(state, Steps.ItemState.of(item, p));
        Vote vote = p.vote();
        Decision decision = p.decision();
        Set<Long> recusedIds = new HashSet<>();
        p.recusals().forEach(r -> recusedIds.add(r.personId()));
        Set<Long> votedIds = new HashSet<>();
        if (vote != null) {
            vote.ballots().forEach(b -> votedIds.add(b.personId()));
        }

        List<Recused> recusals = p.recusals().stream().map(r -> new Recused(r.personId(),
                named(standings.get(r.personId()), english).name(), r.reason())).toList();
        // a member may be recused until he casts a ballot on the item, never after
        List<Named> recusable = ordered(due, standings).stream()
                .filter(st -> !recusedIds.contains(st.personId()) && !votedIds.contains(st.personId()))
                .map(st -> named(st, english)).toList();
        boolean recusalsOpen = offers.recuse() && !recusable.isEmpty();

        List<Said> opinions = p.opinions().stream().map(o -> {
            Named n = named(standings.get(o.personId()), english);
            return new Said(o.id(), n.name(), n.title(), o.written(), o.text());
        }).toList();
        List<Named> speakerLines = speakers(m, due, standings, english);

        // entitled to vote: members present, less those recused (the numbers Procedure counts with)
        List<PersonStanding> entitled = ordered(due, standings).stream()
                .filter(st -> m.present().contains(st.personId()) && !recusedIds.contains(st.personId())).toList();
        int recused = (int) recusedIds.stream().filter(due::contains).count();
        List<Voter> voters = voters(entitled, vote, english);
        Vote.Counts counts = vote == null ? new Vote.Counts(0, 0, 0) : vote.counts();
        int notVoted = (int) voters.stream().filter(x -> !x.voted()).count();
        boolean needsConsent = item.adHoc() && !item.adHocConsent();
        String title = item.title(english);
        String other = english ? null : item.titleEn();
        boolean recusalsLocked = (state == MeetingState.NOTIFIED || state == MeetingState.OPEN) && !recusalsOpen
                && !offers.withdrawRecusal();
        return new Panel(item, title, other != null && !other.equals(title) ? other : null, recusals, recusable,
                recusalsOpen, recusalsLocked, opinions, speakerLines, offers.opinion(), vote, voters, entitled.size(),
                recused, counts.yes(), counts.no(), counts.abstain(), notVoted, decision, decision == null ? null : texts.explain(decision, vote, locale),
                needsConsent, offers.consent(), offers.openVote(), offers.ballot() && offers.count(), offers.decide(),
                offers.adoptWithoutVote(), offers.conclusions(), offers.withdrawRecusal(),
                recusalsOpen && vote != null, offers.correctBallot(), offers.allExcept() && notVoted > 0,
                offers.reopenItem());
    }

    /** Who may give an opinion on the item: the members due and those sitting in, in protocol order. */
    private List<Named> speakers(Meeting m, Set<Long> due, Map<Long, PersonStanding> standings, boolean english) {
        Set<Long> speakers = new LinkedHashSet<>(due);
        speakers.addAll(m.inAttendance());
        return ordered(speakers, standings).stream().map(st -> named(st, english)).toList();
    }

    /** Each member entitled to vote, with the ballot cast if any. */
    private List<Voter> voters(List<PersonStanding> entitled, Vote vote, boolean english) {
        return entitled.stream().map(st -> {
            Named n = named(st, english);
            Ballot b = vote == null ? null : vote.ballots().stream().filter(x -> x.personId() == st.personId())
                    .findFirst().orElse(null);
            return new Voter(st.personId(), n.name(), n.title(), b != null, b == null ? null : b.choice());
        }).toList();
    }

    /** pending, voting, or the outcome's name: for the item list's badge. */
    private static String status(ItemProceedings p) {
        if (p.decision() != null) {
            return p.decision().outcome().name();
        }
        return p.vote() != null && p.vote().open() ? "VOTING" : "PENDING";
    }

    /** Whether a warning is about the agenda as a whole or an item the viewer may see. */
    private static boolean concernsShown(Violation w, Set<Integer> shownPositions) {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("^items\\[(\\d+)]").matcher(w.field());
        if (!at.find() || w.code().startsWith("procedure.warn.first-item")) {
            return true;
        }
        return shownPositions.contains(Integer.parseInt(at.group(1)));
    }

    /** In protocol order, people of equal standing as entered in the directory ({@link ProtocolOrder}). */
    private static List<PersonStanding> ordered(Set<Long> ids, Map<Long, PersonStanding> standings) {
        return ProtocolOrder.peopleById(ids, standings);
    }

    private static Named named(PersonStanding s, boolean english) {
        if (s == null) {
            return new Named(0, "?", "");
        }
        Office o = s.office();
        String title = o == null ? "" : english && o.titleEn() != null ? o.titleEn() : o.titleZh();
        return new Named(s.personId(), s.person().name(english), title);
    }
}
