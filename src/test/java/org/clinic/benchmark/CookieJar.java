package org.clinic.benchmark;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic screen's cookies, kept by hand: the session cookie is {@code Secure}, and
 * {@link java.net.CookieManager} would not send it over plain HTTP on loopback, while browsers do (localhost is a
 * secure context).
 */
final class CookieJar {

    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher cookie = SET_COOKIE.matcher(header);
            if (cookie.find()) {
                cookies.put(cookie.group(1), cookie.group(2));
            }
        }
    }

    String get(String name, String otherwise) {
        return cookies.getOrDefault(name, otherwise);
    }

    boolean isEmpty() {
        return cookies.isEmpty();
    }

    /** The {@code Cookie} request header. */
    String header() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }
}
