package org.clinic.patient;

import org.clinic.base.PhoneNumbers;
import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registry search that stays index-backed at a million patients. Every branch is an index range that is already
 * in display order and stops after the rows a page needs: a name prefix on "family given" or "given family"
 * (case and accents folded by {@link Texts#searchKey}, compared in binary), or on "later family word given" from the
 * name-key table ({@link NameKeys#LATER_WORD}), a phone prefix in E.164, or an MRN prefix. The
 * branches are merged by their sort key; a patient found by both name orders is returned once.
 * <p>
 * Each branch names its index: for a one-letter prefix that matches a seventh of a million patients, MariaDB's
 * optimizer otherwise sometimes prefers a full scan and a sort (330 ms instead of 1.5 ms), not knowing that the
 * {@code LIMIT} stops the index walk after one page.
 */
@Component
class PatientSearch {

    static final String COLUMNS = "p.public_id, p.mrn, p.given_name, p.family_name, p.birth_date, "
            + "p.birth_date_estimated, p.sex, p.phone, p.status";

    private static final Pattern NUMBER_LIKE = Pattern.compile("[+0-9][0-9 ()./\\-]*");
    static final int MAX_QUERY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final PhoneNumbers phoneNumbers;

    PatientSearch(JdbcClient jdbc, PhoneNumbers phoneNumbers) {
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
    }

    List<PatientSummary> search(@Nullable String text, int offset, int limit) {
        Query query = plan(text, offset, limit);
        JdbcClient.StatementSpec statement = jdbc.sql(query.sql());
        query.parameters().forEach(statement::param);
        return statement.query(SUMMARY).list();
    }

    /** The SQL and parameters a search runs; the EXPLAIN test checks these plans. */
    Query plan(@Nullable String text, int offset, int limit) {
        String cleaned = Texts.clean(text == null ? null : text.replace(',', ' '));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("offset", Math.max(0, offset));
        params.put("limit", Math.max(1, limit));
        params.put("n", Math.max(0, offset) + Math.max(1, limit));
        if (cleaned == null) {
            // The most recently registered, read backwards along the registration index for just one page.
            return new Query("SELECT " + COLUMNS + " FROM patient p FORCE INDEX (ix_patient_registered_at)"
                    + " ORDER BY p.registered_at DESC, p.id DESC LIMIT :limit OFFSET :offset", params);
        }
        if (cleaned.length() > MAX_QUERY_LENGTH) {
            cleaned = cleaned.substring(0, MAX_QUERY_LENGTH);
        }
        String branches;
        if (NUMBER_LIKE.matcher(cleaned).matches() && cleaned.replaceAll("[^0-9]", "").length() >= 3) {
            params.put("mrn", likePrefix(cleaned.replaceAll("[^0-9]", "")));
            params.put("phone", likePrefix(phoneNumbers.e164Prefix(cleaned).orElse("+")));
            branches = "(SELECT id, CAST(mrn AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin AS sort_key"
                    + " FROM patient FORCE INDEX (uk_patient_mrn) WHERE mrn LIKE :mrn ORDER BY mrn LIMIT :n)"
                    + " UNION ALL "
                    + "(SELECT id, CAST(phone AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin"
                    + " FROM patient FORCE INDEX (ix_patient_phone) WHERE phone LIKE :phone ORDER BY phone, id LIMIT :n)";
        } else {
            params.put("name", likePrefix(Texts.searchKey(cleaned)));
            branches = "(SELECT id, search_family_first AS sort_key FROM patient"
                    + " FORCE INDEX (ix_patient_search_family_first)"
                    + " WHERE search_family_first LIKE :name ORDER BY search_family_first, id LIMIT :n)"
                    + " UNION ALL "
                    + "(SELECT id, search_given_first FROM patient FORCE INDEX (ix_patient_search_given_first)"
                    + " WHERE search_given_first LIKE :name ORDER BY search_given_first, id LIMIT :n)"
                    // a later word of the family name, then the given name: "lopez ana" for Ana García López
                    + " UNION ALL "
                    + "(SELECT patient_id, name_key FROM patient_name_key FORCE INDEX (ix_patient_name_key_lookup)"
                    + " WHERE kind = 'W' AND name_key LIKE :name ORDER BY name_key, patient_id LIMIT :n)";
        }
        // A patient found by both branches counts once, at its smaller key. Each branch still reads at most n index
        // entries: anyone ranked within the first n overall is within the first n of the branch that gave its key.
        // The page is cut before the join, so only its rows are read from the table.
        return new Query("SELECT " + COLUMNS + " FROM (SELECT id, MIN(sort_key) AS sort_key FROM (" + branches
                + ") b GROUP BY id ORDER BY sort_key, id LIMIT :limit OFFSET :offset) m JOIN patient p ON p.id = m.id"
                + " ORDER BY m.sort_key, m.id", params);
    }

    List<PatientSummary> withPhone(String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient p WHERE p.phone = :phone ORDER BY p.id LIMIT 20")
                .param("phone", e164).query(SUMMARY).list();
    }

    List<PatientSummary> withNameAndBirthDate(String givenName, String familyName, LocalDate birthDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patient p WHERE p.search_family_first = :name"
                        + " AND p.birth_date = :birthDate ORDER BY p.id LIMIT 20")
                .param("name", Patient.searchKeyFamilyFirst(familyName, givenName))
                .param("birthDate", birthDate)
                .query(SUMMARY).list();
    }

    /**
     * Patients born on that day whose given name and family name each share a sound key with the ones given
     * ({@link NameKeys#sounds}). One range of {@code ix_patient_name_key_birth_date}: the keys of everyone born that
     * day (about 30 patients at a million) lie side by side there, in patient order, so the match is made inside the
     * index; only the patients that match are read from the table.
     *
     * @see "docs/adr/0017-sound-alike-check-in-one-index-range.md"
     */
    List<PatientSummary> soundingLike(Set<String> givenSounds, Set<String> familySounds, LocalDate birthDate) {
        if (givenSounds.isEmpty() || familySounds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SOUNDING_LIKE)
                .param("birthDate", birthDate).param("given", givenSounds).param("family", familySounds)
                .query(SUMMARY).list();
    }

    static final String SOUNDING_LIKE = "SELECT " + COLUMNS + " FROM (SELECT patient_id FROM patient_name_key"
            + " FORCE INDEX (ix_patient_name_key_birth_date) WHERE birth_date = :birthDate"
            + " AND (kind = 'G' AND name_key IN (:given) OR kind = 'F' AND name_key IN (:family))"
            + " GROUP BY patient_id HAVING COUNT(DISTINCT kind) = 2 ORDER BY patient_id LIMIT 20) m"
            + " JOIN patient p ON p.id = m.patient_id ORDER BY p.id";

    /** Locks one patient row, found by {@code id} or {@code public_id}; a locking read takes no snapshot. */
    java.util.Optional<PatientReference> lockPatient(String column, Object key) {
        if (!column.equals("id") && !column.equals("public_id")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT id, public_id, given_name, family_name, mrn, status, birth_date,"
                        + " birth_date_estimated, sex FROM patient"
                        + " WHERE " + column + " = :key FOR UPDATE")
                .param("key", key)
                .query((rs, row) -> new PatientReference(UUID.fromString(rs.getString("public_id")), rs.getLong("id"),
                        rs.getString("given_name") + " " + rs.getString("family_name"), rs.getString("mrn"),
                        PatientStatus.valueOf(rs.getString("status")), rs.getObject("birth_date", LocalDate.class),
                        rs.getBoolean("birth_date_estimated"), Sex.valueOf(rs.getString("sex"))))
                .optional();
    }

    long nextMrnNumber() {
        return jdbc.sql("SELECT NEXT VALUE FOR patient_mrn_seq").query(Long.class).single();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    record Query(String sql, Map<String, Object> parameters) {
    }

    static final RowMapper<PatientSummary> SUMMARY = (rs, row) -> new PatientSummary(
            UUID.fromString(rs.getString("public_id")),
            rs.getString("mrn"),
            rs.getString("given_name"),
            rs.getString("family_name"),
            rs.getObject("birth_date", LocalDate.class),
            rs.getBoolean("birth_date_estimated"),
            Sex.valueOf(rs.getString("sex")),
            rs.getString("phone"),
            PatientStatus.valueOf(rs.getString("status")));
}
