package org.kepu.platform.internal.servers;

import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchConfiguration.class);

    @Bean
    ElasticsearchTransport elasticsearchTransport(ServerAddresses addresses) {
        ServerAddresses.Elasticsearch address = addresses.elasticsearch();
        RestClientBuilder builder = RestClient.builder(HttpHost.create(address.url().toString()))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(60_000));
        if (address.username() != null && !address.username().isBlank()) {
            var credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(address.username(), address.password()));
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        return new RestClientTransport(builder.build(), new Jackson3JsonpMapper());
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport, ServerAddresses addresses) {
        ElasticsearchAsyncClient client = new ElasticsearchAsyncClient(transport);
        try {
            var info = client.info().get(30, TimeUnit.SECONDS);
            log.info("Elasticsearch {} at {}", info.version().number(), addresses.elasticsearch().url());
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.ELASTICSEARCH, addresses.elasticsearch().url().toString(),
                    ServerUnavailableException.rootMessage(e), e);
        }
        return client;
    }
}
