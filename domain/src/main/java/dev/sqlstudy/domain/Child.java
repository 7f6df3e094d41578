package dev.sqlstudy.domain;

/** A child as a parent lists it. */
public record Child(int id, String name) {
}
