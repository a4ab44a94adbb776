import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The baseline the HTTP benchmarks are measured beside: a bare JDK HTTP server on loopback that answers every request
 * with the bytes of one file (e.g. a ledger page Yishi served), so that the same curl loop timed against both shows
 * what the machine and the client cost at that moment.
 *
 * <pre>java bench/BaselineServer.java PORT FILE [CONTENT-TYPE]</pre>
 */
public final class BaselineServer {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String type = args.length > 2 ? args[2] : "application/json";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("baseline server on 127.0.0.1:" + port + ", " + body.length + " bytes");
    }
}
