package org.gdprgraph.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import sun.misc.Signal;

/**
 * Runs an embedded Neo4j community DBMS that is reachable only over Bolt on 127.0.0.1.
 *
 * <p>Protocol with the parent process: exactly one line {@code NEO4J_READY bolt://127.0.0.1:<port>}
 * on stdout once the default database is available. Exit codes: 0 after a clean shutdown
 * (SIGTERM/SIGINT), 1 on startup failure, 2 if the port is taken, 64 on bad arguments.
 */
public final class Launcher {

    private static final String HOST = "127.0.0.1";
    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_PORT_IN_USE = 2;
    private static final int EXIT_USAGE = 64;

    private Launcher() {}

    public static void main(String[] args) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-launcher: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }

        // Neo4j would bind anyway and fail deep inside the DBMS lifecycle; probing first
        // gives the caller a clean, recognisable message and exit code.
        if (!portIsFree(opts.port)) {
            portInUse(opts.port);
            return;
        }

        // Keep a handle on the real stdout for the ready line; anything Neo4j or its
        // libraries print is diverted to the log directory so stdout stays parseable.
        PrintStream protocolOut = System.out;
        Path dataDir = opts.dataDir.toAbsolutePath().normalize();
        Path logsDir = dataDir.resolve("logs");
        try {
            Files.createDirectories(logsDir);
            PrintStream noise = new PrintStream(
                    Files.newOutputStream(logsDir.resolve("launcher-stdout.log"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND),
                    true, StandardCharsets.UTF_8);
            System.setOut(noise);
        } catch (IOException e) {
            System.err.println("neo4j-launcher: cannot create " + logsDir + ": " + e.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }

        // Same defaults the Neo4j server launcher passes; must be set before Netty/log4j load.
        defaultProperty("io.netty.tryReflectionSetAccessible", "true");
        defaultProperty("log4j2.disable.jmx", "true");
        defaultProperty("jdk.nio.maxCachedBufferSize", "1024");

        // The JVM's default SIGTERM/SIGINT handling exits with 143/130; handle them ourselves
        // so a requested stop shuts the DBMS down and exits 0. Installed before startup so a
        // stop that arrives mid-startup still ends in a clean shutdown.
        CountDownLatch stopRequested = new CountDownLatch(1);
        try {
            Signal.handle(new Signal("TERM"), sig -> stopRequested.countDown());
            Signal.handle(new Signal("INT"), sig -> stopRequested.countDown());
        } catch (IllegalArgumentException e) {
            // Signal unavailable (e.g. -Xrs): fall back to the shutdown hook alone.
        }

        long maxHeap = Runtime.getRuntime().maxMemory();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opts.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, opts.port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Loopback-only dev instance: drivers may still send credentials, they are ignored.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, opts.pagecacheBytes)
                    // Bound transaction memory so one runaway query fails instead of OOM-ing the JVM.
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, maxHeap / 2)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, maxHeap / 4)
                    .setConfig(GraphDatabaseSettings.logs_directory, logsDir)
                    // Netty's default 5 s quiet period (applied twice) makes every stop take ~10 s.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                portInUse(opts.port);
                return;
            }
            System.err.println("neo4j-launcher: failed to start Neo4j: " + rootMessage(e)
                    + " (see " + logsDir.resolve("debug.log") + ")");
            e.printStackTrace(System.out);
            System.exit(EXIT_FAILED);
            return;
        }

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("neo4j-launcher: error during shutdown: " + rootMessage(e));
                }
            }
        };
        // Backstop for exits we don't intercept (SIGHUP, System.exit from elsewhere).
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

        if (stopRequested.getCount() == 0) {
            shutdown.run();
            System.exit(EXIT_OK);
            return;
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("neo4j-launcher: database '" + db.databaseName()
                    + "' did not become available (see " + logsDir.resolve("debug.log") + ")");
            shutdown.run();
            System.exit(EXIT_FAILED);
            return;
        }

        protocolOut.println("NEO4J_READY bolt://" + HOST + ":" + opts.port);
        protocolOut.flush();

        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown.run();
        System.exit(EXIT_OK);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void portInUse(int port) {
        System.err.println("port " + port + " is already in use on " + HOST);
        System.err.flush();
        System.exit(EXIT_PORT_IN_USE);
    }

    private static boolean portIsFree(int port) {
        // SO_REUSEADDR like Netty's bind: lingering TIME_WAIT sockets from a previous run
        // must not count as "in use", only a live listener does.
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static final class Options {
        static final String USAGE =
                "usage: java -jar neo4j-launcher.jar [--port <n>] [--data-dir <path>] [--pagecache <size, e.g. 256m>]";

        static final java.util.Set<String> KNOWN = java.util.Set.of("--port", "--data-dir", "--pagecache");

        int port = 7687;
        Path dataDir = Path.of(".neo4j", "data");
        long pagecacheBytes = SettingValueParsers.BYTES.parse("256m");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value;
                String name;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else {
                    name = a;
                    if (name.equals("--help") || name.equals("-h")) {
                        System.out.println(USAGE);
                        System.exit(EXIT_OK);
                    }
                    if (!KNOWN.contains(name)) {
                        throw new IllegalArgumentException("unknown argument: " + name);
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--port":
                        try {
                            o.port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("invalid port: " + value);
                        }
                        if (o.port < 1 || o.port > 65535) {
                            throw new IllegalArgumentException("invalid port: " + value);
                        }
                        break;
                    case "--data-dir":
                        o.dataDir = Path.of(value);
                        break;
                    case "--pagecache":
                        try {
                            o.pagecacheBytes = SettingValueParsers.BYTES.parse(value);
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException("invalid --pagecache size: " + value);
                        }
                        break;
                    default:
                        throw new IllegalArgumentException("unknown argument: " + name);
                }
            }
            return o;
        }
    }
}
