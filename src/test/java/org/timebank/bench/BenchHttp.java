package org.timebank.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket, for one worker thread. The load generator
 * shares two cores with the service, so it does no more than write the request and read the
 * status, the headers it needs (Content-Length, chunked, Connection: close) and the body.
 */
final class BenchHttp implements AutoCloseable {
    /**
     * One request: method, path with query, bearer token, optional JSON body and Idempotency-Key;
     * {@code tag} is not sent: it carries what the sender needs to judge the answer.
     */
    record Request(String method, String path, String token, String jsonBody, String idempotencyKey, Object tag) {
        static Request get(String path, String token) {
            return new Request("GET", path, token, null, null, null);
        }

        static Request post(String path, String token, String json, String idempotencyKey) {
            return new Request("POST", path, token, json, idempotencyKey, null);
        }

        Request tagged(Object tag) {
            return new Request(method, path, token, jsonBody, idempotencyKey, tag);
        }
    }

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BenchHttp(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /** Opens the connection now (outside any timing); send() reopens it whenever it was closed. */
    void connect() throws IOException {
        close();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    Response send(Request r) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(r);
        } catch (IOException e) {
            // a kept-alive connection the server closed in between: one fresh try
            close();
            connect();
            return exchange(r);
        }
    }

    private Response exchange(Request r) throws IOException {
        byte[] body = r.jsonBody() == null ? null : r.jsonBody().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256 + (r.token() == null ? 0 : r.token().length()));
        head.append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                .append("\r\nAccept: application/json\r\n");
        if (r.token() != null) {
            head.append("Authorization: Bearer ").append(r.token()).append("\r\n");
        }
        if (r.idempotencyKey() != null) {
            head.append("Idempotency-Key: ").append(r.idempotencyKey()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (r.method().equals("POST")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                b.write(in.readNBytes(n));
                line();
            }
            body = b.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("body cut short");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int n = s.length();
                if (n > 0 && s.charAt(n - 1) == '\r') {
                    s.setLength(n - 1);
                }
                return s.toString();
            }
            s.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
