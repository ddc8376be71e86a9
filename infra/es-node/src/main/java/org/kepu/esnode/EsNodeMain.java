package org.kepu.esnode;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNodeServiceProvider;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts one Elasticsearch node (single-node discovery, loopback only) for Kepu's embedded mode.
 *
 * <p>Command line: {@code --home DIR --data DIR --logs DIR --http-port SPEC --transport-port SPEC
 * [--cluster-name NAME]}; a SPEC is a port or a range such as {@code 9200-9299}.
 *
 * <p>Contract with the launching process:
 * <ul>
 *   <li>once the node is started and HTTP is bound, exactly one stdout line
 *       {@code KEPU-ES-NODE READY http=127.0.0.1:<port> pid=<pid>};</li>
 *   <li>on a startup failure, {@code KEPU-ES-NODE FAILED <reason>} and exit status 1;</li>
 *   <li>when stdin reaches EOF (the parent closed the pipe or died), the node is closed (at most
 *       about 10 s) and the process exits with status 0; SIGTERM also closes the node.</li>
 * </ul>
 * Everything else on stdout is log output, one line per event.
 */
public final class EsNodeMain {

    public static final String READY_PREFIX = "KEPU-ES-NODE READY";
    public static final String FAILED_PREFIX = "KEPU-ES-NODE FAILED";
    static final String NODE_NAME = "kepu-embedded";
    static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private static volatile Node node;
    private static final AtomicBoolean stopping = new AtomicBoolean();
    private static final CountDownLatch stopped = new CountDownLatch(1);

    private EsNodeMain() {}

    public static void main(String[] args) {
        final Map<String, String> opts;
        try {
            opts = parseArgs(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage() + " (usage: --home DIR --data DIR --logs DIR --http-port SPEC --transport-port SPEC"
                + " [--cluster-name NAME])", null);
            return;
        }

        Thread.setDefaultUncaughtExceptionHandler(EsNodeMain::uncaught);
        startStdinWatcher();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeNode("shutdown hook"), "kepu-es-node-shutdown"));

        Logger logger = null;
        try {
            Path home = Path.of(opts.get("--home")).toAbsolutePath().normalize();
            Path data = Path.of(opts.get("--data")).toAbsolutePath().normalize();
            Path logs = Path.of(opts.get("--logs")).toAbsolutePath().normalize();
            Files.createDirectories(home.resolve("config"));
            Files.createDirectories(data);
            Files.createDirectories(logs);

            // Elasticsearch's own logging facade -> log4j, configured by log4j2.properties on the classpath
            LogConfigurator.configureESLogging();
            logger = LogManager.getLogger(EsNodeMain.class);

            Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", data.toString())
                .put("path.logs", logs.toString())
                .put("node.name", NODE_NAME)
                .put("cluster.name", opts.getOrDefault("--cluster-name", "kepu-embedded"))
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", opts.get("--http-port"))
                .put("transport.port", opts.get("--transport-port"))
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // The parent circuit breaker compares the heap in use, garbage included, with 95% of the heap. Only under
                // G1 does Elasticsearch collect before refusing; this node runs the serial collector (small footprint),
                // so a bulk reindex of 100,000 works was refused with 429 at 474 of 512 MB while its live heap was far
                // smaller. Count what requests reserve instead (Elasticsearch's behaviour without real-memory accounting).
                .put("indices.breaker.total.use_real_memory", false)
                .build();
            Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);

            Map<String, Class<? extends Plugin>> plugins = new LinkedHashMap<>();
            plugins.put("transport-netty4", Netty4Plugin.class);
            plugins.put("kepu-root-info", RootInfoPlugin.class);
            plugins.put("kepu-analysis", KepuAnalysisPlugin.class);

            long t0 = System.nanoTime();
            Node n = ClasspathNodeServiceProvider.newNode(environment, plugins);
            node = n;
            if (stopping.get()) {
                return; // stdin closed while constructing; the exit path closes the node
            }
            n.start();

            TransportAddress http = n.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
            logger.info("node started in {} ms, http on {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), http);
            synchronized (System.out) {
                System.out.println(READY_PREFIX + " http=127.0.0.1:" + http.getPort() + " pid=" + ProcessHandle.current().pid());
                System.out.flush();
            }
        } catch (Throwable t) {
            if (stopping.get()) {
                return; // failures caused by an ongoing shutdown are not startup failures
            }
            fail(oneLine(t), logger == null ? null : () -> LogManager.getLogger(EsNodeMain.class).error("node failed to start", t));
            return;
        }
        // Elasticsearch's threads are daemon threads: this (non-daemon) main thread keeps the JVM
        // alive until the node is closed (stdin EOF or a signal).
        awaitStoppedForever();
    }

    private static void awaitStoppedForever() {
        while (true) {
            try {
                stopped.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: only a node shutdown ends the process
            }
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home", "--data", "--logs", "--http-port", "--transport-port", "--cluster-name" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("missing value for " + a);
                    }
                    m.put(a, args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        for (String required : new String[] { "--home", "--data", "--logs", "--http-port", "--transport-port" }) {
            if (m.containsKey(required) == false) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        for (String port : new String[] { m.get("--http-port"), m.get("--transport-port") }) {
            if (port.matches("\\d{1,5}(-\\d{1,5})?") == false) {
                throw new IllegalArgumentException("bad port spec [" + port + "], expected PORT or FROM-TO");
            }
        }
        return m;
    }

    /** Daemon thread: when stdin reaches EOF (parent closed the pipe or died), stop the node and exit 0. */
    private static void startStdinWatcher() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(buf) != -1) {
                    // the parent never sends anything meaningful; only EOF matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as EOF
            }
            closeNode("stdin closed");
            System.exit(0);
        }, "kepu-es-node-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the node once, waiting at most {@link #CLOSE_TIMEOUT_MILLIS}; later callers wait for the first. */
    private static void closeNode(String why) {
        if (stopping.compareAndSet(false, true) == false) {
            awaitStopped();
            return;
        }
        Node n = node;
        if (n == null) {
            stopped.countDown();
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                LogManager.getLogger(EsNodeMain.class).info("closing node ({})", why);
                n.close();
                if (n.awaitClose(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) == false) {
                    LogManager.getLogger(EsNodeMain.class).warn("node did not close within {} ms", CLOSE_TIMEOUT_MILLIS);
                }
            } catch (Throwable t) {
                LogManager.getLogger(EsNodeMain.class).warn("error while closing node", t);
            } finally {
                stopped.countDown();
            }
        }, "kepu-es-node-close");
        closer.setDaemon(true);
        closer.start();
        awaitStopped();
    }

    private static void awaitStopped() {
        try {
            stopped.await(CLOSE_TIMEOUT_MILLIS + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String reason, Runnable log) {
        if (log != null) {
            try {
                log.run();
            } catch (Throwable ignored) {
                // logging must not hide the FAILED line
            }
        }
        synchronized (System.out) {
            System.out.println(FAILED_PREFIX + " " + reason.replaceAll("[\\r\\n]+", " "));
            System.out.flush();
        }
        System.exit(1);
    }

    /** Exception and its causes on one line, e.g. {@code BindTransportException: ... <- BindException: ...}. */
    static String oneLine(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 5; c = c.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(": ").append(c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    private static void uncaught(Thread thread, Throwable t) {
        try {
            LogManager.getLogger(EsNodeMain.class).error("uncaught exception in thread [" + thread.getName() + "]", t);
        } catch (Throwable ignored) {
            // nothing more we can do
        }
        if (t instanceof VirtualMachineError) {
            // like Elasticsearch itself: a node after OutOfMemoryError & co. must not keep serving
            System.err.println("fatal error in thread [" + thread.getName() + "]: " + t);
            Runtime.getRuntime().halt(1);
        }
    }
}
