package org.kepu.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * JUnit-free runner for {@code bench/upload.sh}.
 * <pre>
 *   servers &lt;data folder&gt; &lt;settings file&gt;
 *       starts the four embedded servers (PostgreSQL, Elasticsearch child JVM, S3Proxy in this JVM,
 *       Redis) with their data in the folder, writes the application's command-line settings that
 *       point at them (one per line) to the settings file, and runs until it is terminated
 *   put &lt;settings file&gt; &lt;bucket&gt; &lt;file&gt; &lt;key&gt; &lt;warm-up MB&gt; [&lt;servers pid&gt;]
 *       MinIO SDK {@code putObject} of the file (stream of known size, SDK-chosen part size) to the
 *       store named in the settings file; first an untimed put of the file's first MB as warm-up.
 *       Prints {@code sdk_seconds=… part_size=… parts=… client_cpu=… store_cpu=…}: CPU seconds of
 *       this JVM and of the servers process during the timed put. The object is removed afterwards
 * </pre>
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        switch (args[0]) {
            case "servers" -> servers(Path.of(args[1]), Path.of(args[2]));
            case "put" -> {
                put(Path.of(args[1]), args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]),
                        args.length > 6 ? ProcessHandle.of(Long.parseLong(args[6])) : Optional.empty());
                // OkHttp's dispatcher threads are not daemons and idle for a minute before they end.
                System.exit(0);
            }
            default -> throw new IllegalArgumentException("unknown action " + args[0]);
        }
    }

    private static void quietLogging() {
        BenchServers.quietLogging();
    }

    private static void servers(Path dataDir, Path settingsFile) throws Exception {
        BenchServers.run(dataDir, settingsFile);
    }

    private static void put(Path settingsFile, String bucket, Path file, String key, int warmUpMegabytes,
                            Optional<ProcessHandle> store) throws Exception {
        Map<String, String> settings = BenchServers.settings(settingsFile);
        MinioClient client = MinioClient.builder()
                .endpoint(settings.get("kepu.s3.endpoint"))
                .region(settings.getOrDefault("kepu.s3.region", "us-east-1"))
                .credentials(settings.get("kepu.s3.access-key"), settings.get("kepu.s3.secret-key"))
                .build();
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        long size = Files.size(file);

        long warmUp = Math.min(size, warmUpMegabytes * 1024L * 1024L);
        if (warmUp > 0) {
            timedPut(client, bucket, key + ".warm-up", file, warmUp);
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key + ".warm-up").build());
        }

        PutObjectArgs[] used = new PutObjectArgs[1];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long clientCpu = os.getProcessCpuTime();
        Duration storeCpu = cpu(store);
        double seconds = timedPut(client, bucket, key, file, size, args -> used[0] = args);
        clientCpu = os.getProcessCpuTime() - clientCpu;
        storeCpu = cpu(store).minus(storeCpu);
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        System.out.printf(Locale.ROOT, "sdk_seconds=%.3f bytes=%d part_size=%d parts=%d client_cpu=%.2f store_cpu=%.2f%n",
                seconds, size, used[0].partSize(), used[0].partCount(), clientCpu / 1e9, storeCpu.toNanos() / 1e9);
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static double timedPut(MinioClient client, String bucket, String key, Path file, long length) throws Exception {
        return timedPut(client, bucket, key, file, length, args -> args);
    }

    /** Seconds for one {@code putObject} of the file's first {@code length} bytes, opening the file included. */
    private static double timedPut(MinioClient client, String bucket, String key, Path file, long length,
                                   Function<PutObjectArgs, PutObjectArgs> seen) throws Exception {
        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            PutObjectArgs args = seen.apply(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, length, -1L).contentType("video/mp4").build());
            client.putObject(args);
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
