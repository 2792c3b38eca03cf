package io.purplejo.dns.resolve;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.xbill.DNS.Message;

/** Re-asks a truncated query over TCP (RFC 7766 framing: a two-byte length before each message). */
final class TcpFallback {

    /** Sends the query and returns the answer; throws on a connection failure or timeout. */
    Message query(InetSocketAddress resolver, byte[] query, int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(resolver, timeoutMillis);
            s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            OutputStream out = s.getOutputStream();
            byte[] framed = new byte[query.length + 2];
            framed[0] = (byte) (query.length >>> 8);
            framed[1] = (byte) query.length;
            System.arraycopy(query, 0, framed, 2, query.length);
            out.write(framed);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int length = in.readUnsignedShort();
            byte[] answer = new byte[length];
            in.readFully(answer);
            Message m = new Message(answer);
            if (m.getHeader().getID() != (((query[0] & 0xff) << 8) | (query[1] & 0xff))) {
                throw new IOException("TCP answer carries another query's ID");
            }
            return m;
        }
    }
}
