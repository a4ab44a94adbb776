package org.yishi.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Protocol order is a total order, consistent with standing, with one tie-break, stable: people of equal standing
 * keep the order in which they were entered (as a meeting lists them, or by id when they come as a set), units of equal
 * rank by id; whatever else the order they arrive in, they come out in one order.
 */
class ProtocolOrderProperties {

    /** A person with id {@code id}: without an office when {@code rank} is 0, otherwise in a body of rank 1–3. */
    private static PersonStanding standing(int id, int bodyRank, int rank) {
        Person person = new Person(id, "人" + id, "Person " + id);
        Office office = rank == 0 ? null : new Office(1000 + id, id, bodyRank, "职务", "office", null, null, rank, null, null);
        return new PersonStanding(person, office, bodyRank);
    }

    /** Up to 30 distinct people, with ranks drawn from a few values so that ties are frequent. */
    private static final Gen<List<PersonStanding>> PEOPLE = lists()
            .of(integers().between(1, 3).zip(integers().between(0, 4), (body, rank) -> new int[] {body, rank}))
            .ofSizeBetween(0, 30).map(ranks -> {
                List<PersonStanding> people = new ArrayList<>();
                for (int i = 0; i < ranks.size(); i++) {
                    people.add(standing(7 * i + 3, ranks.get(i)[0], ranks.get(i)[1]));
                }
                return people;
            });

    private static final Gen<List<Unit>> UNITS = lists().of(integers().between(0, 5)).ofSizeBetween(0, 30).map(ranks -> {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < ranks.size(); i++) {
            units.add(new Unit(11L * i + 5, "单位" + i, "Unit " + i, null, ranks.get(i)));
        }
        return units;
    });

    @Test
    void peopleAreInATotalOrderConsistentWithTheirStanding() {
        qt().withExamples(300).forAll(PEOPLE).checkAssert(people -> {
            for (PersonStanding a : people) {
                for (PersonStanding b : people) {
                    int ab = ProtocolOrder.PEOPLE.compare(a, b);
                    assertThat(Integer.signum(ab)).as("antisymmetric").isEqualTo(-Integer.signum(ProtocolOrder.PEOPLE.compare(b, a)));
                    assertThat(ab == 0).as("equal exactly when of equal standing").isEqualTo(sameStanding(a, b));
                    for (PersonStanding c : people) {
                        if (ab <= 0 && ProtocolOrder.PEOPLE.compare(b, c) <= 0) {
                            assertThat(ProtocolOrder.PEOPLE.compare(a, c)).as("transitive").isLessThanOrEqualTo(0);
                        }
                    }
                }
            }
        });
    }

    private static boolean sameStanding(PersonStanding a, PersonStanding b) {
        if (a.office() == null || b.office() == null) {
            return a.office() == null && b.office() == null;
        }
        return a.bodyRank() == b.bodyRank() && a.office().protocolRank() == b.office().protocolRank();
    }

    @Test
    void peopleOfEqualStandingKeepTheOrderEnteredAndOthersComeOutInOneOrder() {
        qt().withExamples(300).forAll(PEOPLE, integers().all()).checkAssert((people, seed) -> {
            List<PersonStanding> entered = new ArrayList<>(people);
            Collections.shuffle(entered, new Random(seed));
            Map<Long, PersonStanding> standings = new HashMap<>();
            people.forEach(p -> standings.put(p.personId(), p));
            List<Long> ids = new ArrayList<>(entered.stream().map(PersonStanding::personId).toList());
            ids.add(Math.min(2, ids.size()), 2L); // somebody the directory does not know that day: last
            List<Long> ordered = ProtocolOrder.of(ids, standings.isEmpty() ? Map.of() : standings);
            assertThat(ordered).endsWith(2L).containsExactlyInAnyOrderElementsOf(ids);
            List<PersonStanding> sorted = ordered.subList(0, ordered.size() - 1).stream().map(standings::get).toList();
            assertThat(sorted).isEqualTo(entered.stream().sorted(ProtocolOrder.PEOPLE).toList());

            for (int i = 1; i < sorted.size(); i++) {
                PersonStanding before = sorted.get(i - 1);
                PersonStanding after = sorted.get(i);
                assertThat(before.office() == null && after.office() != null).as("office holders first").isFalse();
                if (before.office() != null && after.office() != null) {
                    assertThat(before.bodyRank()).isLessThanOrEqualTo(after.bodyRank());
                    if (before.bodyRank() == after.bodyRank()) {
                        assertThat(before.office().protocolRank()).isLessThanOrEqualTo(after.office().protocolRank());
                    }
                }
                if (sameStanding(before, after)) {
                    assertThat(entered.indexOf(before)).as("a tie keeps the order entered").isLessThan(entered.indexOf(after));
                }
            }
            // a mere set of people: ties in the order they were entered in the directory, whatever order they come in
            List<PersonStanding> bySet = ProtocolOrder.peopleById(new java.util.HashSet<>(ids), standings);
            assertThat(bySet).isEqualTo(ProtocolOrder.peopleById(people)).hasSize(people.size());
            for (int i = 1; i < bySet.size(); i++) {
                if (sameStanding(bySet.get(i - 1), bySet.get(i))) {
                    assertThat(bySet.get(i - 1).personId()).isLessThan(bySet.get(i).personId());
                } else {
                    assertThat(ProtocolOrder.PEOPLE.compare(bySet.get(i - 1), bySet.get(i))).isNegative();
                }
            }
        });
    }

    @Test
    void unitsComeOutByRankThenId() {
        qt().withExamples(500).forAll(UNITS, integers().all()).checkAssert((units, seed) -> {
            List<Unit> shuffled = new ArrayList<>(units);
            Collections.shuffle(shuffled, new Random(seed));
            List<Unit> sorted = shuffled.stream().sorted(ProtocolOrder.UNITS).toList();
            assertThat(sorted).isEqualTo(units.stream().sorted(ProtocolOrder.UNITS).toList());
            for (int i = 1; i < sorted.size(); i++) {
                Unit before = sorted.get(i - 1);
                Unit after = sorted.get(i);
                assertThat(before.protocolRank()).isLessThanOrEqualTo(after.protocolRank());
                if (before.protocolRank() == after.protocolRank()) {
                    assertThat(before.id()).as("a tie goes by id").isLessThan(after.id());
                }
                assertThat(ProtocolOrder.UNITS.compare(before, after)).isNegative();
            }
            Map<Long, Unit> byId = new HashMap<>();
            units.forEach(u -> byId.put(u.id(), u));
            List<Long> ids = new ArrayList<>(shuffled.stream().map(Unit::id).toList());
            ids.add(0, 1L); // an unknown unit: last
            List<Long> expected = new ArrayList<>(sorted.stream().map(Unit::id).toList());
            expected.add(1L);
            assertThat(ProtocolOrder.ofUnits(ids, byId)).isEqualTo(expected);
        });
    }
}
