#!/usr/bin/env python3
"""A minimal SMTP server for the CI checks: accepts every mail on 127.0.0.1:PORT and appends one line per mail
(recipient and Message-ID) to FILE, so a check can count what two instances sent. Standard library only."""
import socketserver
import sys


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients, message_id = [], ""
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients, message_id = [], ""
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                while True:
                    line = self.rfile.readline().decode("utf-8", "replace")
                    if line in (".\r\n", ".\n", ""):
                        break
                    if not message_id and line.lower().startswith("message-id:"):
                        message_id = line.split(":", 1)[1].strip()
                with open(sys.argv[2], "a") as out:
                    for recipient in recipients:
                        out.write(recipient + " " + message_id + "\n")
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
