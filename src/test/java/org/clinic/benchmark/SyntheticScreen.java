package org.clinic.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connected screen without a browser: speaks the protocol a real Chromium was seen to speak with this app
 * (Vaadin 25.2, Atmosphere push over WebSocket, Spring Security form login). It
 * <ol>
 * <li>signs in: {@code GET /login} (session cookie, CSRF token from the {@code _csrf} meta tag), then
 * {@code POST /login} with {@code _csrf}, {@code username}, {@code password} (302 to {@code /}, new session id);</li>
 * <li>opens a route: {@code GET /?v-r=init&location=…&query=…} returns the UI id, the Vaadin security key (CSRF for
 * UIDL requests) and the push id; then the push WebSocket
 * {@code /VAADIN/push?v-r=push&v-uiId=…&v-pushId=…&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true…}
 * (first frame is Atmosphere's handshake {@code 41|<uuid>|0|X|}); then {@code POST /?v-r=uidl&v-uiId=…} with the
 * {@code ui-navigate} event, which builds the view (client-to-server messages go over XHR: the init says
 * {@code alwaysXhrToServer});</li>
 * <li>listens: pushed frames are length-prefixed ({@code <length>|<message>}) and may be split or batched; each
 * complete UIDL message is timestamped on arrival and searched for markers (a queue token, a line of text the
 * benchmark waits for: the first group of the marker pattern);</li>
 * <li>answers what a browser answers: the grid's {@code $connector.confirm(n)} with {@code confirmUpdate(n)} (so the
 * server can release the grid's old keys), the UI's poll ({@code ui-poll}, every 30 s as the view asks) and the
 * heartbeat (every 5 min). Nothing else.</li>
 * </ol>
 * Signing in is skipped for public pages (the position page). {@link #ping()} measures the floor: a WebSocket ping
 * on the same push connection, answered by Tomcat itself without Vaadin.
 * Cookies are kept by hand ({@link CookieJar}).
 */
final class SyntheticScreen implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern CONFIRM = Pattern.compile("\\$(\\d+)\\.\\$connector\\.confirm\\(\\$(\\d+)\\)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a screen reports: a marker first seen in a message from the server, and when (epoch microseconds). */
    interface Sink {
        void arrived(int screen, String marker, long epochMicros);
    }

    final int index;
    private final HttpClient http;
    private final URI base;
    private final Pattern markers;
    private final Sink sink;
    private final CookieJar cookies = new CookieJar();
    private final Set<String> seen = new HashSet<>();
    private final StringBuilder pending = new StringBuilder();
    private final AtomicInteger clientId = new AtomicInteger();
    private final AtomicInteger promises = new AtomicInteger();
    private final AtomicInteger lastSyncId = new AtomicInteger(-1);
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private volatile long pingSent;
    private volatile CompletableFuture<Long> pong = new CompletableFuture<>();
    private CompletableFuture<?> requests = CompletableFuture.completedFuture(null);
    private int uiId;
    private String securityKey = "";
    private String pushId = "";
    private volatile WebSocket socket;

    final AtomicLong pushes = new AtomicLong();
    final AtomicLong pushedChars = new AtomicLong();
    final AtomicLong confirms = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** Push connections that closed or failed while the screen was meant to be open. */
    final AtomicLong disconnects = new AtomicLong();
    volatile String lastError;
    private volatile boolean quitting;

    /** {@code markers}: what to report when first seen, its first group (e.g. a queue token in quotes). */
    SyntheticScreen(int index, HttpClient http, URI base, Pattern markers, Sink sink) {
        this.index = index;
        this.http = http;
        this.base = base;
        this.markers = markers;
        this.sink = sink;
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    void signIn(String username, String password) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/login")).GET());
        Matcher meta = CSRF_META.matcher(page.body());
        String csrf = cookies.get("XSRF-TOKEN", meta.find() ? meta.group(1) : "");
        String form = "_csrf=" + enc(csrf) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + login.statusCode() + " " + location);
        }
    }

    // ------------------------------------------------------------------------------------------------ opening

    /** Opens a route (e.g. {@code my-queue}, {@code doctor=<uuid>}) and connects push; returns the built view. */
    String open(String route, String query) throws Exception {
        String init = "/?v-r=init&location=" + enc(route) + "&query=" + enc(query)
                + "&v-sh=820&v-sw=1366&v-wh=820&v-ww=1366&v-bh=820&v-bw=1366&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=synthetic-" + index
                + "&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
                + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(init)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("init " + response.statusCode());
        }
        JsonNode config = JSON.readTree(response.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        pushId = uidl.path("Vaadin-Push-ID").asString();
        lastSyncId.set(uidl.path("syncId").asInt(0));
        if (securityKey.isEmpty() || pushId.isEmpty()) {
            throw new IllegalStateException("init without security key or push id: " + response.body());
        }

        URI push = URI.create(base.toString().replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId
                + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + lastSyncId.get());
        socket = http.newWebSocketBuilder().header("Cookie", cookies.header()).header("Origin", origin())
                .connectTimeout(TIMEOUT).buildAsync(push, this).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        handshake.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        ObjectNode navigate = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        navigate.putObject("data").put("route", "/" + route).put("query", query).put("appShellTitle", "")
                .put("trigger", "").putObject("historyState").put("idx", 0);
        return uidl(List.of(navigate)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends the UI's poll event, as the browser does at the interval the view set. */
    void poll() {
        ObjectNode poll = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-poll");
        poll.putObject("data");
        uidl(List.of(poll));
    }

    void heartbeat() {
        http.sendAsync(request("/?v-r=heartbeat&v-uiId=" + uiId).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    void close() {
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }

    // ------------------------------------------------------------------------------------------- UIDL over XHR

    /** Sends client-to-server RPCs one request at a time, in order, as the browser does; returns the response. */
    private synchronized CompletableFuture<String> uidl(List<ObjectNode> rpcs) {
        CompletableFuture<String> result = requests.exceptionally(e -> null).thenCompose(previous -> {
            ObjectNode message = JSON.createObjectNode().put("csrfToken", securityKey);
            ArrayNode rpc = message.putArray("rpc");
            rpcs.forEach(rpc::add);
            message.put("syncId", lastSyncId.get()).put("clientId", clientId.getAndIncrement());
            return http.sendAsync(request("/?v-r=uidl&v-uiId=" + uiId)
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }).thenApply(response -> {
            cookies.remember(response);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("UIDL " + response.statusCode());
            }
            String body = response.body();
            if (body.startsWith("for(;;);")) {
                body = body.substring("for(;;);".length());
            }
            handleUidl(body, false, epochMicros());
            return body;
        });
        result.whenComplete((body, failure) -> {
            if (failure != null) {
                fail("UIDL request: " + failure);
            }
        });
        requests = result;
        return result;
    }

    /**
     * Handles a UIDL message, pushed or a response: reports markers seen for the first time (a poll's response
     * can carry the change before its push does), keeps the sync id, answers the grid's confirm.
     */
    private void handleUidl(String message, boolean pushed, long arrived) {
        Matcher marker = markers.matcher(message);
        while (marker.find()) {
            boolean first;
            synchronized (seen) {
                first = seen.add(marker.group(1));
            }
            if (first) {
                sink.arrived(index, marker.group(1), arrived);
            }
        }
        // Read cheaply what every message carries (a full parse of each message, thousands of screens at once, would
        // hold up the arrivals behind it): the sync id, a session that expired; parse only what asks for an answer.
        Matcher sync = SYNC_ID.matcher(message);
        if (sync.find()) {
            lastSyncId.accumulateAndGet(Integer.parseInt(sync.group(1)), Math::max);
        }
        if (message.contains("\"sessionExpired\"") || message.contains("\"appError\"")) {
            fail("server says " + message.substring(0, Math.min(200, message.length())));
        }
        if (!message.contains("$connector.confirm")) {
            return;
        }
        JsonNode uidl;
        try {
            uidl = JSON.readTree(message);
        } catch (RuntimeException e) {
            fail("unreadable UIDL: " + e.getMessage());
            return;
        }
        for (JsonNode call : uidl.path("execute")) {
            // seen: [{"@v-node":18}, 6, "return $0.$connector.confirm($1)"]
            String script = call.get(call.size() - 1).asString("");
            Matcher confirmCall = CONFIRM.matcher(script);
            if (confirmCall.find()) {
                JsonNode grid = call.get(Integer.parseInt(confirmCall.group(1)));
                JsonNode id = call.get(Integer.parseInt(confirmCall.group(2)));
                if (id == null || grid == null || !id.isNumber() || !grid.has("@v-node")) {
                    fail("unexpected confirm call: " + call);
                    continue;
                }
                ObjectNode confirm = JSON.createObjectNode().put("type", "publishedEventHandler")
                        .put("node", grid.path("@v-node").asInt())
                        .put("templateEventMethodName", "confirmUpdate");
                confirm.putArray("templateEventMethodArgs").add(id.asInt());
                confirm.put("promise", promises.getAndIncrement());
                confirms.incrementAndGet();
                // answered after the message that asked for it has been handled, as the browser does
                CompletableFuture.runAsync(() -> uidl(List.of(confirm)), http.executor().orElseThrow());
            } else if (script.contains("$connector.confirm")) {
                fail("unexpected confirm call: " + call);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- push

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long arrived = epochMicros();
        pending.append(data);
        while (true) {
            int bar = pending.indexOf("|");
            if (bar < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(pending, 0, bar, 10);
            } catch (NumberFormatException e) {
                fail("unframed push data: " + pending.substring(0, Math.min(80, pending.length())));
                pending.setLength(0);
                break;
            }
            if (pending.length() < bar + 1 + length) {
                break; // the rest of this message is in a later frame
            }
            String message = pending.substring(bar + 1, bar + 1 + length);
            pending.delete(0, bar + 1 + length);
            onMessage(message, arrived);
        }
        webSocket.request(1);
        return null;
    }

    private void onMessage(String message, long arrived) {
        if (message.endsWith("|X|")) {
            handshake.complete(null);
            return;
        }
        if (!message.startsWith("{")) {
            return; // Atmosphere keep-alive or padding
        }
        pushes.incrementAndGet();
        pushedChars.addAndGet(message.length());
        handleUidl(message, true, arrived);
    }

    /** From now on a closing push connection is the benchmark's doing, not a disconnect. */
    void quitting() {
        quitting = true;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        socket = null;
        if (!quitting) {
            disconnects.incrementAndGet();
            fail("push closed by the server: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        socket = null;
        if (!quitting) {
            disconnects.incrementAndGet();
        }
        fail("push socket: " + error);
        handshake.completeExceptionally(error);
    }

    /** Sends a WebSocket ping on the push connection; completes with the round trip in nanoseconds. */
    CompletableFuture<Long> ping() {
        WebSocket open = socket;
        if (open == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        pong = new CompletableFuture<>();
        pingSent = System.nanoTime();
        open.sendPing(ByteBuffer.wrap(new byte[]{1}));
        return pong;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pong.complete(System.nanoTime() - pingSent);
        webSocket.request(1);
        return null;
    }

    boolean connected() {
        return socket != null && !socket.isInputClosed();
    }

    // -------------------------------------------------------------------------------------------------- HTTP

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(withCookies(request).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        cookies.remember(response);
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return withCookies(HttpRequest.newBuilder(base.resolve(path))).timeout(TIMEOUT);
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        return cookies.isEmpty() ? request : request.header("Cookie", cookies.header());
    }

    private String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    private void fail(String what) {
        errors.incrementAndGet();
        lastError = what;
    }

    static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
