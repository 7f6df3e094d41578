package dev.sqlstudy.container;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which MySQL-protocol server a container runs. Each kind has an official default image and an
 * environment variable that overrides it; CI sets both variables to images it builds locally with
 * {@code .ci/build-db-image.sh KIND} (no registry is reachable there).
 *
 * <p>Both kinds run through Testcontainers' {@code MySQLContainer}: the images honour the same
 * {@code MYSQL_*} variables and listen on 3306, and MariaDB answers the MySQL driver.
 */
public enum ContainerKind {

    /** MySQL 9.7 LTS: {@code $STUDY_MYSQL_IMAGE}, else the official {@code mysql:9.7}. */
    MYSQL("mysql", "MySQL", "STUDY_MYSQL_IMAGE", MySqlContainers.DEFAULT_IMAGE),

    /** MariaDB 10.11: {@code $STUDY_MARIADB_IMAGE}, else the official {@code mariadb:10.11}. */
    MARIADB("mariadb", "MariaDB", "STUDY_MARIADB_IMAGE", "mariadb:10.11");

    private final String id;
    private final String product;
    private final String imageEnv;
    private final String defaultImage;

    ContainerKind(String id, String product, String imageEnv, String defaultImage) {
        this.id = id;
        this.product = product;
        this.imageEnv = imageEnv;
        this.defaultImage = defaultImage;
    }

    /**
     * The kind named on a command line ({@code mysql} or {@code mariadb}, any case).
     *
     * @throws IllegalArgumentException naming the choices, for any other name
     */
    public static ContainerKind of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ContainerKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown container kind '" + name + "' (use "
                + Arrays.stream(values()).map(ContainerKind::id).collect(Collectors.joining(" or ")) + ")");
    }

    /** The name on the command line and in the image script: {@code mysql}, {@code mariadb}. */
    public String id() {
        return id;
    }

    /** The server's name for people: {@code MySQL}, {@code MariaDB}. */
    public String product() {
        return product;
    }

    /** The environment variable that names this kind's image. */
    public String imageEnv() {
        return imageEnv;
    }

    /** The official image used when {@link #imageEnv()} is not set. */
    public String defaultImage() {
        return defaultImage;
    }

    /** The image to run: {@code $}{@link #imageEnv()} when set, else {@link #defaultImage()}. */
    public String configuredImage() {
        String value = System.getenv(imageEnv);
        return value == null || value.isBlank() ? defaultImage : value.trim();
    }

    /** What to do when this kind's image is missing and cannot be pulled. */
    String buildAdvice() {
        return "build one with .ci/build-db-image.sh " + id + " and set " + imageEnv;
    }

    @Override
    public String toString() {
        return id;
    }
}
