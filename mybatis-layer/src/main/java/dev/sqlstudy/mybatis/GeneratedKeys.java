package dev.sqlstudy.mybatis;

/** A generated key MyBatis should have set after the INSERT (or the batch) was sent. */
final class GeneratedKeys {

    private GeneratedKeys() {
    }

    static int require(Integer id, String row) {
        if (id == null) {
            // Thrown inside the operation's transaction, so the insert is rolled back.
            throw new IllegalStateException("the driver returned no generated key for " + row);
        }
        return id;
    }
}
