package org.kepu.platform.internal.servers;

/** A configured or embedded server cannot be used; the message names the server and its setting. */
public class ServerUnavailableException extends RuntimeException {

    private final ServerSetting server;
    private final String address;

    public ServerUnavailableException(ServerSetting server, String address, String reason, Throwable cause) {
        super(server.serverName() + " at " + address + " cannot be used: " + reason
                + ". Check " + server.describeSetting() + ", or leave it empty to run an embedded server.", cause);
        this.server = server;
        this.address = address;
    }

    public ServerSetting server() {
        return server;
    }

    public String address() {
        return address;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
