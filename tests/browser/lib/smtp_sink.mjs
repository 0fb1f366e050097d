// A tiny SMTP server on 127.0.0.1 that keeps every message it is given (plain SMTP, as the test config's
// [smtp] require_tls = false allows), and reads a MIME part of a message back.
import net from 'node:net';

export class SmtpSink {
    constructor() {
        this.messages = [];
    }

    async start() {
        this.server = net.createServer((socket) => {
            let buffer = '';
            let inData = false;
            socket.setEncoding('latin1');
            socket.write('220 sink ESMTP\r\n');
            socket.on('data', (chunk) => {
                buffer += chunk;
                for (;;) {
                    if (inData) {
                        const end = buffer.indexOf('\r\n.\r\n');
                        if (end < 0) return;
                        this.messages.push(buffer.slice(0, end).replace(/^\.\./gm, '.'));
                        buffer = buffer.slice(end + 5);
                        inData = false;
                        socket.write('250 kept\r\n');
                        continue;
                    }
                    const line = buffer.indexOf('\r\n');
                    if (line < 0) return;
                    const command = buffer.slice(0, line).toUpperCase();
                    buffer = buffer.slice(line + 2);
                    if (command.startsWith('DATA')) {
                        inData = true;
                        socket.write('354 go on\r\n');
                    } else if (command.startsWith('QUIT')) {
                        socket.end('221 bye\r\n');
                        return;
                    } else {
                        socket.write('250 ok\r\n');
                    }
                }
            });
            socket.on('error', () => {});
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.port = this.server.address().port;
        return this;
    }

    async stop() {
        await new Promise((resolve) => this.server?.close(resolve));
    }
}

// The decoded text of the first part of message whose Content-Type starts with type (base64 parts).
export function mimePart(message, type) {
    const at = message.indexOf(`Content-Type: ${type}`);
    if (at < 0) return null;
    const start = message.indexOf('\r\n\r\n', at) + 4;
    const end = message.indexOf('\r\n--', start);
    return Buffer.from(message.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ''), 'base64').toString('utf8');
}
