package dev.sqlstudy.domain;

import java.io.Serializable;

/**
 * One row of a parent/child join; the ids and names of a missing side are {@code null}.
 */
public record JoinRow(Integer parentId, String parent, Integer childId, String child) implements Serializable {
}
