package org.kepu.platform.internal.embedded;

interface EmbeddedServer extends AutoCloseable {

    String name();

    @Override
    void close();
}
