package org.kepu.media.internal;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Multipart uploads straight to object storage: start, presign parts, list parts (resume), complete, abort. */
@RestController
@RequestMapping("/api/media/uploads")
class UploadsController {

    record StartRequest(@NotBlank String purpose, @Size(max = 1000) String fileName, @NotNull Long size, String contentType) {
    }

    record StartResponse(UUID upload, UUID asset, long partSize, int partCount, java.time.Instant expiresAt) {
    }

    record CompleteRequest(@NotNull List<MultipartUploads.ClientPart> parts) {
    }

    record PartView(int number, String etag, long size) {
    }

    private final MultipartUploads uploads;

    UploadsController(MultipartUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StartResponse> start(@Valid @RequestBody StartRequest request, Principal user) {
        return Mono.defer(() -> uploads.start(AssetsController.purpose(request.purpose()), request.fileName(), request.size(),
                        request.contentType(), user.getName()))
                .map(started -> new StartResponse(started.upload(), started.asset().id(), started.partSize(),
                        started.partCount(), started.expiresAt()));
    }

    @GetMapping("/{id}/parts")
    Flux<PartView> parts(@PathVariable UUID id, Principal user) {
        return uploads.parts(id, user.getName()).map(part -> new PartView(part.number(), part.etag(), part.size()));
    }

    @PostMapping("/{id}/parts/{number}/url")
    Mono<MultipartUploads.PartUrl> partUrl(@PathVariable UUID id, @PathVariable int number, Principal user) {
        return uploads.partUrl(id, number, user.getName());
    }

    @PostMapping("/{id}/complete")
    Mono<AssetView> complete(@PathVariable UUID id, @Valid @RequestBody CompleteRequest request, Principal user) {
        return uploads.complete(id, request.parts(), user.getName()).map(AssetView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> abort(@PathVariable UUID id, Principal user) {
        return uploads.abort(id, user.getName());
    }
}
