package org.kepu.content.internal;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

@Component
class TopicDirectory implements Topics {

    private final TopicsTable topics;

    TopicDirectory(TopicsTable topics) {
        this.topics = topics;
    }

    @Override
    public Flux<TopicName> all() {
        return topics.all().map(topic -> new TopicName(topic.slug(), topic.name()));
    }
}
