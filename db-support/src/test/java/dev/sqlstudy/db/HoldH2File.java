package dev.sqlstudy.db;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM: opens an H2 file database, says so on stdout, holds it, then exits. */
public final class HoldH2File {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("SELECT 1");
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
