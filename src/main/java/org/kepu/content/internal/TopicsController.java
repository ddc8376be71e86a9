package org.kepu.content.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class TopicsController {

    record NewTopic(@NotBlank @Pattern(regexp = "[a-z0-9-]{2,64}") String slug, @NotBlank @Size(max = 64) String name,
                    int position) {
    }

    private final TopicsTable topics;

    TopicsController(TopicsTable topics) {
        this.topics = topics;
    }

    @GetMapping("/api/topics")
    Flux<TopicsTable.Topic> all() {
        return topics.all();
    }

    @PostMapping("/api/topics")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TopicsTable.Topic> add(@Valid @RequestBody NewTopic topic) {
        TopicsTable.Topic added = new TopicsTable.Topic(topic.slug(), topic.name().strip(), topic.position());
        return topics.add(added).flatMap(created -> created
                ? Mono.just(added)
                : Mono.error(new ProblemException(HttpStatus.CONFLICT, "topic-exists", topic.slug(), topic.name())));
    }
}
