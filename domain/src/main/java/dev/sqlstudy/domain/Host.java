package dev.sqlstudy.domain;

import java.io.Serializable;

/**
 * A row of {@code hosts}, as read back from the database.
 *
 * @param id       the generated key
 * @param hostname lower-case RFC 1123 host name
 * @param ipAddr   canonical IPv4 or IPv6 literal
 * @param port     1 to 65535
 */
public record Host(int id, String hostname, String ipAddr, int port) implements Serializable {
}
