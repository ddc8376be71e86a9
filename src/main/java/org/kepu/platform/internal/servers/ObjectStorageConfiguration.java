package org.kepu.platform.internal.servers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.kepu.platform.StorageBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObjectStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorageConfiguration.class);

    /** One HTTP client for all object storage calls: building one reads the system CA store. */
    @Bean(destroyMethod = "")
    OkHttpClient objectStorageHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(5))
                .writeTimeout(Duration.ofMinutes(5))
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
    }

    @Bean
    AutoCloseable objectStorageHttpClientShutdown(OkHttpClient client) {
        return () -> {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        };
    }

    @Bean
    StorageBucket storageBucket(ServerAddresses addresses) {
        return new StorageBucket(addresses.s3().bucket());
    }

    @Bean
    MinioAsyncClient minioAsyncClient(ServerAddresses addresses, OkHttpClient httpClient) {
        ServerAddresses.S3 s3 = addresses.s3();
        MinioAsyncClient client = MinioAsyncClient.builder()
                .endpoint(s3.endpoint().toString())
                .region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey())
                .httpClient(httpClient)
                .build();
        try {
            boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(s3.bucket()).build()).get(30, TimeUnit.SECONDS);
            if (!exists) {
                client.makeBucket(MakeBucketArgs.builder().bucket(s3.bucket()).build()).get(30, TimeUnit.SECONDS);
                log.info("Created bucket {} at {}", s3.bucket(), s3.endpoint());
            }
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.S3, s3.endpoint() + " (bucket " + s3.bucket() + ")",
                    ServerUnavailableException.rootMessage(e), e);
        }
        return client;
    }
}
