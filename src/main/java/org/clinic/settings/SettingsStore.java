package org.clinic.settings;

import org.clinic.base.ClinicLogo;
import org.clinic.base.StoredSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of V078's clinic_setting and clinic_setting_change and V079's clinic_logo. */
@Component
class SettingsStore implements StoredSettings {

    static final String LOGO_KEY = "clinic.logo";

    private final JdbcClient sql;

    SettingsStore(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, String> read() {
        Map<String, String> values = new HashMap<>();
        sql.sql("SELECT setting_key, setting_value FROM clinic_setting")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    @Override
    public Optional<ClinicLogo> logo() {
        return logo(false).map(row -> LogoRules.read(row.image()));
    }

    /** The stored values, locked until the transaction ends: one administrator's save at a time. */
    Map<String, String> lockAll() {
        Map<String, String> values = new HashMap<>();
        sql.sql("SELECT setting_key, setting_value FROM clinic_setting FOR UPDATE")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    void write(String key, String value, String by, Instant at) {
        sql.sql("""
                        INSERT INTO clinic_setting (setting_key, setting_value, updated_by, updated_at)
                        VALUES (:key, :value, :by, :at)
                        ON DUPLICATE KEY UPDATE setting_value = VALUE(setting_value), updated_by = VALUE(updated_by),
                            updated_at = VALUE(updated_at)""")
                .param("key", key).param("value", value).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    void history(String key, @Nullable String before, @Nullable String after, String by, Instant at) {
        sql.sql("""
                        INSERT INTO clinic_setting_change (setting_key, value_before, value_after, changed_by, changed_at)
                        VALUES (:key, :before, :after, :by, :at)""")
                .param("key", key).param("before", before).param("after", after).param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    record HistoryRow(String key, @Nullable String before, @Nullable String after, String by, Instant at) {
    }

    List<HistoryRow> history(int limit) {
        return sql.sql("""
                        SELECT setting_key, value_before, value_after, changed_by, changed_at
                        FROM clinic_setting_change ORDER BY changed_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    record LogoRow(String contentType, byte[] image) {
    }

    Optional<LogoRow> logo(boolean lock) {
        return sql.sql("SELECT content_type, image FROM clinic_logo WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .query((rs, n) -> new LogoRow(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    void writeLogo(String contentType, byte[] image, String by, Instant at) {
        String sha = HexFormat.of().formatHex(sha256(image));
        sql.sql("""
                        INSERT INTO clinic_logo (id, content_type, image, sha256, updated_by, updated_at)
                        VALUES (1, :type, :image, :sha, :by, :at)
                        ON DUPLICATE KEY UPDATE content_type = VALUE(content_type), image = VALUE(image),
                            sha256 = VALUE(sha256), updated_by = VALUE(updated_by), updated_at = VALUE(updated_at)""")
                .param("type", contentType).param("image", image).param("sha", sha).param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void removeLogo() {
        sql.sql("DELETE FROM clinic_logo WHERE id = 1").update();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
