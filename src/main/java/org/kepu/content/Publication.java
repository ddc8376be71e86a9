package org.kepu.content;

/**
 * A work's public state: {@code version} grows with every change of its public revision (publish, replace,
 * unpublish); {@code work} is null while the work is not public.
 */
public record Publication(WorkId id, long version, PublishedWork work) {

    public boolean isPublic() {
        return work != null;
    }
}
