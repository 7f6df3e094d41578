package dev.sqlstudy.contract;

import static dev.sqlstudy.contract.SampleData.EVE;
import static dev.sqlstudy.contract.SampleData.JACK;
import static dev.sqlstudy.contract.SampleData.JOHN;
import static dev.sqlstudy.contract.SampleData.LUCY;
import static dev.sqlstudy.contract.SampleData.MARY;
import static dev.sqlstudy.contract.SampleData.PARENTS;
import static dev.sqlstudy.contract.SampleData.TOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.contract.Tables.ChildRow;
import dev.sqlstudy.contract.Tables.ParentRow;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.ParentRef;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link FamilyRepository} contract: the tutorial's {@code Parent}/{@code Child} one-to-many,
 * both directions, the three joins and GROUP BY. Each test starts from the sample families:
 * Mary (1) with Tom (1) and Lucy (2), John (2) with Jack (3), Eve (3) with none, and the orphan
 * Oliver (4).
 */
public abstract class FamilyRepositoryContract extends ContractSupport {

    private static final List<ChildRow> SAMPLE_CHILDREN = List.of(
            new ChildRow(1, "Tom", 1), new ChildRow(2, "Lucy", 1),
            new ChildRow(3, "Jack", 2), new ChildRow(4, "Oliver", null));
    private static final List<ParentRow> SAMPLE_PARENTS = List.of(
            new ParentRow(1, "Mary"), new ParentRow(2, "John"), new ParentRow(3, "Eve"));

    protected FamilyRepository families;

    protected FamilyRepositoryContract(TestDatabase target) {
        super(target);
    }

    /** The repository under test, over {@code database}; called before every test. */
    protected abstract FamilyRepository createRepository(Database database);

    @Override
    final void createRepositoryUnderTest(Database database) {
        families = createRepository(database);
    }

    private void assertTablesUnchanged() {
        assertThat(tables.parents()).isEqualTo(SAMPLE_PARENTS);
        assertThat(tables.children()).isEqualTo(SAMPLE_CHILDREN);
    }

    @Nested
    class Reading {

        @Test
        void findParent_withChildren_returnsThemInIdOrder() {
            assertThat(families.findParent(1)).contains(MARY);
        }

        @Test
        void findParent_childless_hasAnEmptyList() {
            assertThat(families.findParent(3)).contains(EVE);
        }

        @Test
        void findParent_missing_returnsEmpty() {
            assertThat(families.findParent(99)).isEmpty();
        }

        @Test
        void listParents_returnsEveryParentOnceWithAllItsChildren() {
            assertThat(families.listParents()).containsExactly(MARY, JOHN, EVE);
        }

        @Test
        void findChild_withParent_followsTheBackReference() {
            assertThat(families.findChild(2)).contains(new ChildWithParent(2, "Lucy", new ParentRef(1, "Mary")));
        }

        @Test
        void findChild_orphan_hasNoParent() {
            assertThat(families.findChild(4)).hasValueSatisfying(c -> {
                assertThat(c.name()).isEqualTo("Oliver");
                assertThat(c.isOrphan()).isTrue();
            });
        }

        @Test
        void findChild_missing_returnsEmpty() {
            assertThat(families.findChild(99)).isEmpty();
        }
    }

    @Nested
    class StatementCounts {

        @Test
        void findParent_withItsChildren_costsOneStatement() {
            assertThat(statementsOf(() -> families.findParent(1))).isEqualTo(1);
        }

        @Test
        void listParents_withAllChildren_costsOneStatementNotNPlusOne() {
            assertThat(statementsOf(() -> families.listParents())).isEqualTo(1);
        }

        @Test
        void listParents_ofManyParents_stillCostsOneStatement() {
            for (int i = 0; i < 20; i++) {
                families.addParent("P" + i, List.of("C" + i + "a", "C" + i + "b"));
            }
            Counted<List<Parent>> all = counted(() -> families.listParents());
            assertThat(all.result()).hasSize(23);
            assertThat(all.statements()).isEqualTo(1);
        }

        @Test
        void findChild_withItsParent_costsOneStatement() {
            assertThat(statementsOf(() -> families.findChild(1))).isEqualTo(1);
        }

        @Test
        void eachJoin_costsOneStatement() {
            for (JoinKind kind : JoinKind.values()) {
                assertThat(statementsOf(() -> families.join(kind))).as(kind + " join").isEqualTo(1);
            }
        }

        @Test
        void childrenCounts_costsOneStatement() {
            assertThat(statementsOf(() -> families.childrenCounts())).isEqualTo(1);
        }
    }

    @Nested
    class Joins {

        @Test
        void innerJoin_onlyParentsWithChildren() {
            assertThat(families.join(JoinKind.INNER)).containsExactly(
                    new JoinRow(1, "Mary", 1, "Tom"),
                    new JoinRow(1, "Mary", 2, "Lucy"),
                    new JoinRow(2, "John", 3, "Jack"));
        }

        @Test
        void leftJoin_addsTheChildlessParentWithNoChild() {
            assertThat(families.join(JoinKind.LEFT)).containsExactly(
                    new JoinRow(1, "Mary", 1, "Tom"),
                    new JoinRow(1, "Mary", 2, "Lucy"),
                    new JoinRow(2, "John", 3, "Jack"),
                    new JoinRow(3, "Eve", null, null));
        }

        @Test
        void rightJoin_addsTheOrphanWithNoParentLast() {
            assertThat(families.join(JoinKind.RIGHT)).containsExactly(
                    new JoinRow(1, "Mary", 1, "Tom"),
                    new JoinRow(1, "Mary", 2, "Lucy"),
                    new JoinRow(2, "John", 3, "Jack"),
                    new JoinRow(null, null, 4, "Oliver"));
        }

        @Test
        void childrenCounts_groupByParent_includesZero() {
            assertThat(families.childrenCounts()).containsExactly(
                    new ChildrenCount(1, "Mary", 2),
                    new ChildrenCount(2, "John", 1),
                    new ChildrenCount(3, "Eve", 0));
        }

        @Test
        void joins_afterAMove_followTheData() {
            families.moveChild(4, 3);
            assertThat(families.join(JoinKind.RIGHT)).last().isEqualTo(new JoinRow(3, "Eve", 4, "Oliver"));
            assertThat(families.childrenCounts()).last().isEqualTo(new ChildrenCount(3, "Eve", 1));
        }
    }

    @Nested
    class Writing {

        @Test
        void addParent_withChildren_storesAllAndReturnsTheParentAsStored() {
            Parent added = families.addParent("Anna", List.of("Ben", "Cleo"));
            assertThat(added).isEqualTo(new Parent(4, "Anna", List.of(new Child(5, "Ben"), new Child(6, "Cleo"))));
            assertThat(families.findParent(4)).contains(added);
            assertThat(tables.children()).endsWith(new ChildRow(5, "Ben", 4), new ChildRow(6, "Cleo", 4));
        }

        @Test
        void addParent_withoutChildren_isChildless() {
            assertThat(families.addParent("Solo", List.of())).isEqualTo(new Parent(4, "Solo", List.of()));
        }

        @Test
        void addParent_withOneInvalidChildName_writesNeitherParentNorChildren() {
            assertThatThrownBy(() -> families.addParent("Anna", List.of("Ben", "bad\u0000name")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("child.name"));
            assertTablesUnchanged();
        }

        @Test
        void addParent_emptyName_isInvalidNamingParentName() {
            assertThatThrownBy(() -> families.addParent("", List.of("Ben")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("parent.name"));
            assertTablesUnchanged();
        }

        @Test
        void addChild_toAParent_appearsInItsChildren() {
            ChildWithParent added = families.addChild("Ella", 3);
            assertThat(added).isEqualTo(new ChildWithParent(5, "Ella", new ParentRef(3, "Eve")));
            assertThat(families.findParent(3)).contains(new Parent(3, "Eve", List.of(new Child(5, "Ella"))));
        }

        @Test
        void addChild_withoutParent_isAnOrphan() {
            assertThat(families.addChild("Nobody's", null)).isEqualTo(new ChildWithParent(5, "Nobody's", null));
            assertThat(tables.children()).endsWith(new ChildRow(5, "Nobody's", null));
        }

        @Test
        void addChild_toAMissingParent_isNotFoundNamingTheParentAndWritesNothing() {
            assertThatThrownBy(() -> families.addChild("Lost", 99))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.entity()).isEqualTo("parent");
                        assertThat(e.id()).isEqualTo(99);
                    });
            assertTablesUnchanged();
        }

        @Test
        void moveChild_toAnotherParent_changesBothParentsChildren() {
            ChildWithParent moved = families.moveChild(2, 2);
            assertThat(moved).isEqualTo(new ChildWithParent(2, "Lucy", new ParentRef(2, "John")));
            assertThat(families.findParent(1)).contains(new Parent(1, "Mary", List.of(TOM)));
            assertThat(families.findParent(2)).contains(new Parent(2, "John", List.of(LUCY, JACK)));
        }

        @Test
        void moveChild_toNoParent_makesItAnOrphan() {
            assertThat(families.moveChild(3, null)).isEqualTo(new ChildWithParent(3, "Jack", null));
            assertThat(families.findParent(2)).contains(new Parent(2, "John", List.of()));
        }

        @Test
        void moveChild_orphanToAParent_adoptsIt() {
            assertThat(families.moveChild(4, 1).parent()).isEqualTo(new ParentRef(1, "Mary"));
        }

        @Test
        void moveChild_missingChild_isNotFoundNamingTheChild() {
            assertThatThrownBy(() -> families.moveChild(99, 1))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("child"));
            assertTablesUnchanged();
        }

        @Test
        void moveChild_toAMissingParent_isNotFoundNamingTheParentAndChangesNothing() {
            assertThatThrownBy(() -> families.moveChild(1, 99))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("parent"));
            assertTablesUnchanged();
        }

        @Test
        void deleteParent_keepsItsChildrenAsOrphans() {
            assertThat(families.deleteParent(1)).isTrue();
            assertThat(families.findParent(1)).isEmpty();
            assertThat(families.findChild(1)).contains(new ChildWithParent(1, "Tom", null));
            assertThat(tables.children()).containsExactly(
                    new ChildRow(1, "Tom", null), new ChildRow(2, "Lucy", null),
                    new ChildRow(3, "Jack", 2), new ChildRow(4, "Oliver", null));
            assertThat(families.listParents()).containsExactly(JOHN, EVE);
        }

        @Test
        void deleteParent_missing_returnsFalse() {
            assertThat(families.deleteParent(99)).isFalse();
            assertThat(tables.parents()).isEqualTo(SAMPLE_PARENTS);
        }
    }

    @Nested
    class Names {

        @ParameterizedTest(name = "\"{0}\" round-trips exactly")
        @ValueSource(strings = {
                "O'Brien", "say \"hi\"", "Robert'); DROP TABLE child; --", "100%", "snake_case",
                "back\\slash", "%_%", "😀 family 👨‍👩‍👧", "张伟", "Zoë Ångström", "  spaced  ", "<script>"})
        void names_hostileOrUnicode_roundTripExactly(String name) {
            Parent parent = families.addParent(name, List.of(name));
            assertThat(parent.name()).isEqualTo(name);
            assertThat(families.findParent(parent.id())).hasValueSatisfying(p -> {
                assertThat(p.name()).isEqualTo(name);
                assertThat(p.children()).extracting(Child::name).containsExactly(name);
            });
            assertThat(tables.parents()).last().extracting(ParentRow::name).isEqualTo(name);
            assertThat(tables.children()).last().extracting(ChildRow::name).isEqualTo(name);
        }

        @Test
        void names_of64EmojiCodePoints_fitTheColumn() {
            String longest = "😀".repeat(64);
            ChildWithParent child = families.addChild(longest, 3);
            assertThat(families.findChild(child.id())).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo(longest));
        }

        @Test
        void names_of65CodePoints_areInvalidAndWriteNothing() {
            assertThatThrownBy(() -> families.addChild("x".repeat(65), 1))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("child.name"));
            assertTablesUnchanged();
        }

        @Test
        void sampleFamilies_areTheDocumentedOnes() {
            assertThat(families.listParents()).isEqualTo(PARENTS);
        }
    }
}
