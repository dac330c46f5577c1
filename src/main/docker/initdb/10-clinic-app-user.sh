# Run once by the MariaDB image, on first start with an empty data volume, after it created the schema
# (MARIADB_DATABASE) and the schema owner (MARIADB_USER, whom Flyway migrates as). Sourced, not executed (keep this
# file non-executable), so the image's docker_process_sql helper runs the SQL as root.
#
# The owner gets the grant option on the schema: after every migration the application hands the application's user
# its rights table by table (DatabaseGrants; ADR 0009). The application's user is created here with no rights at all.

if [ -z "${CLINIC_DB_USER:-}" ] || [ -z "${CLINIC_DB_PASSWORD:-}" ]; then
	mysql_error "Set CLINIC_DB_USER and CLINIC_DB_PASSWORD: the account the application runs as"
fi
if [ "$CLINIC_DB_USER" = "$MARIADB_USER" ]; then
	mysql_error "CLINIC_DB_USER must differ from the schema owner ($MARIADB_USER)"
fi

clinic_app_password=$(docker_sql_escape_string_literal "$CLINIC_DB_PASSWORD")
docker_process_sql --database=mysql <<-EOSQL
	GRANT ALL PRIVILEGES ON \`${MARIADB_DATABASE}\`.* TO '${MARIADB_USER}'@'%' WITH GRANT OPTION;
	CREATE USER '${CLINIC_DB_USER}'@'%' IDENTIFIED BY '${clinic_app_password}';
EOSQL
unset clinic_app_password
