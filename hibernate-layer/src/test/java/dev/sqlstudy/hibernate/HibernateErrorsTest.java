package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.StudyException;
import java.util.Map;
import org.hibernate.ObjectNotFoundException;
import org.junit.jupiter.api.Test;

/** What Hibernate throws, as the domain names it. */
class HibernateErrorsTest {

    @Test
    void translate_referenceToARowDeletedMeanwhile_isNotFoundNamingTheEntityAndId() {
        // Seen when a child is moved to a parent that a concurrent transaction deletes.
        StudyException translated = HibernateErrors.translate("move child",
                new ObjectNotFoundException(ParentEntity.class.getName(), 4), Map.of());
        assertThat(translated).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.entity()).isEqualTo("parent");
            assertThat(e.id()).isEqualTo(4);
        });
        assertThat(translated).hasMessage("parent '4' not found");
    }
}
