package dev.sqlstudy.domain;

import java.io.Serializable;

/** A child as a parent lists it. */
public record Child(int id, String name) implements Serializable {
}
