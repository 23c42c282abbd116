<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>sockwb::ByteFormat</name>
    <message>
        <location filename="../../widgets/common/byteformat.cpp" line="+27"/>
        <source>A backslash ends the text: write \\ for a backslash.</source>
        <translation>Le texte se termine par une barre oblique inverse&#xa0;: écrivez \\ pour une barre oblique inverse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>\x needs two hex digits, as in \x0a (position %1).</source>
        <translation>\x attend deux chiffres hexadécimaux, comme dans \x0a (position %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown escape \%1: use \n \r \t \0 \\ or \xHH.</source>
        <translation>Séquence d&apos;échappement inconnue \%1&#xa0;: utilisez \n \r \t \0 \\ ou \xHH.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; is not a hex digit.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un chiffre hexadécimal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Odd number of hex digits: each byte takes two.</source>
        <translation>Nombre impair de chiffres hexadécimaux&#xa0;: chaque octet en prend deux.</translation>
    </message>
</context>
<context>
    <name>sockwb::CheatSheet</name>
    <message>
        <location filename="../../widgets/trace/cheatsheet.cpp" line="+12"/>
        <source>Creates an endpoint and returns its file descriptor: socket(AF_INET, SOCK_STREAM, 0) for TCP, SOCK_DGRAM for UDP. Nothing is connected or named yet.</source>
        <translation>Crée un point de communication et renvoie son descripteur de fichier&#xa0;: socket(AF_INET, SOCK_STREAM, 0) pour TCP, SOCK_DGRAM pour UDP. Rien n&apos;est encore connecté ni nommé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAFNOSUPPORT / EPROTONOSUPPORT: family or protocol unknown here; EMFILE / ENFILE: too many open descriptors (a leak?); EACCES: not allowed.</source>
        <translation>EAFNOSUPPORT / EPROTONOSUPPORT&#xa0;: famille ou protocole inconnu ici&#xa0;; EMFILE / ENFILE&#xa0;: trop de descripteurs ouverts (une fuite&#xa0;?)&#xa0;; EACCES&#xa0;: non autorisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gives the socket its local address and port (sockaddr_in with htons(port)). Port 0 lets the kernel pick a free one; getsockname tells which.</source>
        <translation>Donne au socket son adresse et son port locaux (sockaddr_in avec htons(port)). Le port 0 laisse le noyau en choisir un libre&#xa0;; getsockname indique lequel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EADDRINUSE: another socket already uses that port (or it lingers in TIME_WAIT without SO_REUSEADDR); EACCES: ports below 1024 need root; EADDRNOTAVAIL: that IP is not one of this machine&apos;s.</source>
        <translation>EADDRINUSE&#xa0;: un autre socket utilise déjà ce port (ou il reste en TIME_WAIT sans SO_REUSEADDR)&#xa0;; EACCES&#xa0;: les ports inférieurs à 1024 exigent root&#xa0;; EADDRNOTAVAIL&#xa0;: cette adresse IP n&apos;appartient pas à cette machine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turns a bound TCP socket into a passive one that queues incoming connections; backlog is the length of that queue.</source>
        <translation>Fait d&apos;un socket TCP lié un socket passif (en écoute) qui met en file d&apos;attente les connexions entrantes&#xa0;; backlog est la longueur de cette file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EADDRINUSE: another socket listens on the same port; EOPNOTSUPP: not a TCP socket (UDP never listens).</source>
        <translation>EADDRINUSE&#xa0;: un autre socket écoute sur le même port&#xa0;; EOPNOTSUPP&#xa0;: ce n&apos;est pas un socket TCP (UDP n&apos;écoute jamais).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Takes the next connection from the queue and returns a NEW descriptor for that client; the listening socket keeps listening. Blocks while the queue is empty.</source>
        <translation>Prend la connexion suivante dans la file d&apos;attente et renvoie un NOUVEAU descripteur pour ce client&#xa0;; le socket d&apos;écoute continue d&apos;écouter. Bloque tant que la file est vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAGAIN: nobody waiting (non-blocking socket); EMFILE: out of descriptors; ECONNABORTED: the client left before we took it; EINTR: a signal arrived.</source>
        <translation>EAGAIN&#xa0;: personne n&apos;attend (socket non bloquant)&#xa0;; EMFILE&#xa0;: plus de descripteurs&#xa0;; ECONNABORTED&#xa0;: le client est parti avant d&apos;être accepté&#xa0;; EINTR&#xa0;: un signal est arrivé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client side: opens a TCP connection to a server&apos;s address (three-way handshake). On UDP it only sets the default destination.</source>
        <translation>Côté client&#xa0;: ouvre une connexion TCP vers l&apos;adresse d&apos;un serveur (poignée de main en trois temps). En UDP, fixe seulement la destination par défaut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ECONNREFUSED: nothing listens on that port; ETIMEDOUT: no answer (firewall, wrong host); ENETUNREACH / EHOSTUNREACH: no route; EINPROGRESS: non-blocking, not done yet.</source>
        <translation>ECONNREFUSED&#xa0;: rien n&apos;écoute sur ce port&#xa0;; ETIMEDOUT&#xa0;: pas de réponse (pare-feu, mauvais hôte)&#xa0;; ENETUNREACH / EHOSTUNREACH&#xa0;: pas de route&#xa0;; EINPROGRESS&#xa0;: non bloquant, pas encore terminé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write and read bytes on a connected socket. A stream has no messages: send may take part of the buffer and one recv may return half a line or two lines. recv returns 0 when the peer closed.</source>
        <translation>Écrivent et lisent des octets sur un socket connecté. Un flux d&apos;octets n&apos;a pas de messages&#xa0;: send peut ne prendre qu&apos;une partie du tampon et un recv peut renvoyer une demi-ligne ou deux lignes. recv renvoie 0 quand le pair a fermé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EPIPE: the peer closed and we still write (MSG_NOSIGNAL avoids SIGPIPE); ECONNRESET: the peer reset the connection; EAGAIN: nothing to read yet (non-blocking).</source>
        <translation>EPIPE&#xa0;: le pair a fermé et nous écrivons encore (MSG_NOSIGNAL évite SIGPIPE)&#xa0;; ECONNRESET&#xa0;: le pair a réinitialisé la connexion&#xa0;; EAGAIN&#xa0;: rien à lire pour l&apos;instant (non bloquant).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP: send one datagram to an address / receive one datagram and learn who sent it. Each call is one whole message; nothing guarantees it arrives.</source>
        <translation>UDP&#xa0;: envoie un datagramme à une adresse / reçoit un datagramme et apprend qui l&apos;a envoyé. Chaque appel est un message entier&#xa0;; rien ne garantit qu&apos;il arrive.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EMSGSIZE: datagram too large; ECONNREFUSED: an ICMP &apos;port unreachable&apos; came back from an earlier datagram; a datagram larger than the buffer is truncated (MSG_TRUNC).</source>
        <translation>EMSGSIZE&#xa0;: datagramme trop grand&#xa0;; ECONNREFUSED&#xa0;: un ICMP «&#xa0;port unreachable&#xa0;» est revenu d&apos;un datagramme précédent&#xa0;; un datagramme plus grand que le tampon est tronqué (MSG_TRUNC).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Half-closes a connection: SHUT_WR says &quot;I will send nothing more&quot; (the peer&apos;s recv returns 0) while we can still read the answer.</source>
        <translation>Ferme une connexion à moitié&#xa0;: SHUT_WR dit «&#xa0;je n&apos;enverrai plus rien&#xa0;» (le recv du pair renvoie 0) tandis que nous pouvons encore lire la réponse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ENOTCONN: the socket is not connected; EBADF / ENOTSOCK: not a valid socket.</source>
        <translation>ENOTCONN&#xa0;: le socket n&apos;est pas connecté&#xa0;; EBADF / ENOTSOCK&#xa0;: ce n&apos;est pas un socket valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Releases the descriptor. The last close of a TCP socket sends FIN; the port may then wait in TIME_WAIT for a while.</source>
        <translation>Libère le descripteur. La dernière fermeture d&apos;un socket TCP envoie FIN&#xa0;; le port peut ensuite rester un moment en TIME_WAIT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EBADF: already closed (closing twice is a bug: the number may belong to another socket now); EINTR: do not retry on Linux, the fd is gone anyway.</source>
        <translation>EBADF&#xa0;: déjà fermé (fermer deux fois est un bogue&#xa0;: le numéro peut maintenant appartenir à un autre socket)&#xa0;; EINTR&#xa0;: ne pas réessayer sous Linux, le descripteur est de toute façon libéré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sets an option: SO_REUSEADDR (rebind a port in TIME_WAIT at once), SO_RCVTIMEO, TCP_NODELAY, SO_KEEPALIVE, buffer sizes...</source>
        <translation>Règle une option&#xa0;: SO_REUSEADDR (relier tout de suite un port en TIME_WAIT), SO_RCVTIMEO, TCP_NODELAY, SO_KEEPALIVE, tailles des tampons...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ENOPROTOOPT: option unknown at that level; EINVAL: bad value or length.</source>
        <translation>ENOPROTOOPT&#xa0;: option inconnue à ce niveau&#xa0;; EINVAL&#xa0;: valeur ou longueur incorrecte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until one of many descriptors is ready, so one thread can serve many clients without blocking on any of them. select is limited to FD_SETSIZE (1024); epoll scales.</source>
        <translation>Attendent qu&apos;un descripteur parmi d&apos;autres soit prêt, pour qu&apos;un seul thread serve de nombreux clients sans se bloquer sur aucun. select est limité à FD_SETSIZE (1024)&#xa0;; epoll passe à l&apos;échelle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EINTR: a signal interrupted the wait (loop again); EBADF: a descriptor in the set was closed; EINVAL: bad size or timeout.</source>
        <translation>EINTR&#xa0;: un signal a interrompu l&apos;attente (reboucler)&#xa0;; EBADF&#xa0;: un descripteur de l&apos;ensemble a été fermé&#xa0;; EINVAL&#xa0;: taille ou délai incorrect.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicates the process: the child gets copies of every descriptor. A forking server closes the listening socket in the child and the client&apos;s socket in the parent.</source>
        <translation>Duplique le processus&#xa0;: le fils reçoit une copie de chaque descripteur. Un serveur concurrent à base de fork ferme le socket d&apos;écoute dans le fils et le socket du client dans le père.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAGAIN: too many processes; ENOMEM: out of memory. Forget waitpid and the children stay as zombies.</source>
        <translation>EAGAIN&#xa0;: trop de processus&#xa0;; ENOMEM&#xa0;: mémoire épuisée. Sans waitpid, les fils restent à l&apos;état de zombies.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tells which local address and port a socket really got (after bind to port 0 or after connect).</source>
        <translation>Indique l&apos;adresse et le port locaux réellement obtenus par un socket (après bind sur le port 0 ou après connect).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EBADF / ENOTSOCK: not a valid socket.</source>
        <translation>EBADF / ENOTSOCK&#xa0;: ce n&apos;est pas un socket valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turns a host name and a port into socket addresses (IPv4 and IPv6), ready for connect or bind.</source>
        <translation>Transforme un nom d&apos;hôte et un port en adresses de socket (IPv4 et IPv6), prêtes pour connect ou bind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAI_NONAME: unknown host; EAI_AGAIN: the name server did not answer (try again).</source>
        <translation>EAI_NONAME&#xa0;: hôte inconnu&#xa0;; EAI_AGAIN&#xa0;: le serveur de noms n&apos;a pas répondu (réessayez).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Common errors:</source>
        <translation>Erreurs courantes&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Socket API cheat sheet</source>
        <translation>Aide-mémoire de l&apos;API socket</translation>
    </message>
</context>
<context>
    <name>sockwb::CheatSheetDialog</name>
    <message>
        <location filename="../../widgets/trace/cheatsheetdialog.cpp" line="+14"/>
        <source>Socket API cheat sheet</source>
        <translation>Aide-mémoire de l&apos;API socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: a call or an errno name (accept, EADDRINUSE...)</source>
        <translation>Filtre&#xa0;: un appel ou un nom d&apos;errno (accept, EADDRINUSE...)</translation>
    </message>
</context>
<context>
    <name>sockwb::ClientWindow</name>
    <message>
        <location filename="../../widgets/client/clientwindow.cpp" line="+37"/>
        <source>%1 bytes came too fast to be shown (they are counted)</source>
        <translation>%1 octets sont arrivés trop vite pour être affichés (ils sont comptés)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name or an address: 127.0.0.1, ::1, localhost</source>
        <translation>Un nom ou une adresse&#xa0;: 127.0.0.1, ::1, localhost</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+149"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Shut down &amp;write</source>
        <translation>Fermer l&apos;écrit&amp;ure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown(SHUT_WR): the server reads end of stream, this side can still receive</source>
        <translation>shutdown(SHUT_WR)&#xa0;: le serveur lit la fin du flux, ce côté peut encore recevoir</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;race</source>
        <translation>T&amp;race</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>shutdown(SHUT_WR) requested: no more sends from this side</source>
        <translation>shutdown(SHUT_WR) demandé&#xa0;: plus aucun envoi de ce côté</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter a host name or address.</source>
        <translation>Saisissez un nom d&apos;hôte ou une adresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter a port between 1 and 65535.</source>
        <translation>Saisissez un port entre 1 et 65535.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting to %1 port %2…</source>
        <translation>Connexion à %1 port %2…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connecting to %1 port %2 (%3)</source>
        <translation>connexion à %1 port %2 (%3)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Client %1 — %2</source>
        <translation>Client %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connected from %1 to %2</source>
        <translation>Connecté de %1 à %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected from %1 to %2</source>
        <translation>connecté de %1 à %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>message %1</source>
        <translation>message %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 more messages in this batch not shown (they are counted)</source>
        <translation>%1 autres messages de ce lot non affichés (ils sont comptés)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>disconnected (close on this side)</source>
        <translation>déconnecté (close de ce côté)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server closed the connection (recv returned 0)</source>
        <translation>le serveur a fermé la connexion (recv a renvoyé 0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection ended by an error</source>
        <translation>connexion terminée par une erreur</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In: %1 bytes, %2 msg    Out: %3 bytes, %4 msg</source>
        <translation>Reçus&#xa0;: %1 octets, %2 msg    Envoyés&#xa0;: %3 octets, %4 msg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>   Round trip: %1 ms</source>
        <translation>   Aller-retour&#xa0;: %1 ms</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareCharts</name>
    <message>
        <location filename="../../widgets/compare/comparecharts.cpp" line="+87"/>
        <source>Requests/s (higher is better)</source>
        <translation>Requêtes/s (plus élevé = meilleur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server memory: RSS Δ, MiB</source>
        <translation>Mémoire du serveur&#xa0;: Δ RSS, Mio</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>p99 latency of answered requests, ms (lower is better)</source>
        <translation>Latence p99 (réponses reçues), ms (plus bas = meilleur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server threads and child processes</source>
        <translation>Threads du serveur et processus fils</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>threads</source>
        <translation>threads</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>child processes</source>
        <translation>processus fils</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareConfig</name>
    <message>
        <location filename="../../widgets/compare/compareconfig.cpp" line="+44"/>
        <source>HTTP, keep-alive</source>
        <translation>HTTP, keep-alive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP, connection per request</source>
        <translation>HTTP, connexion par requête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP echo</source>
        <translation>Écho TCP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP echo</source>
        <translation>Écho UDP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The http service; each client sends GET / again and again on one connection (HTTP/1.1 keep-alive)</source>
        <translation>Le service http&#xa0;; chaque client envoie GET / encore et encore sur une même connexion (HTTP/1.1 keep-alive)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The http service; each request opens its own connection (Connection: close): connect, accept and close every time</source>
        <translation>Le service http&#xa0;; chaque requête ouvre sa propre connexion (Connection: close)&#xa0;: connect, accept et close à chaque fois</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo service over TCP; each client sends the payload and waits for it to come back, on one connection</source>
        <translation>Le service echo sur TCP&#xa0;; chaque client envoie les données et attend leur retour, sur une même connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo service over UDP; each client socket sends one datagram and waits for it to come back</source>
        <translation>Le service echo sur UDP&#xa0;; chaque socket client envoie un datagramme et attend son retour</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareForm</name>
    <message>
        <location filename="../../widgets/compare/compareform.cpp" line="+37"/>
        <source>What each client does against the server, and which service the server runs</source>
        <translation>Ce que fait chaque client face au serveur, et quel service le serveur exécute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clients loading the server at the same time (UDP: sockets)</source>
        <translation>Clients qui chargent le serveur en même temps (UDP&#xa0;: sockets)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threads of the load generator (one epoll loop each). They share the machine&apos;s cores with the server.</source>
        <translation>Threads du générateur de charge (une boucle epoll chacun). Ils partagent les cœurs de la machine avec le serveur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Measured load time per model (after a short warm-up)</source>
        <translation>Durée de charge mesurée par modèle (après un court échauffement)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Worker threads of the pool model: clients beyond them wait in its queue</source>
        <translation>Threads de travail du modèle pool&#xa0;: les clients en surnombre attendent dans sa file d&apos;attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo workloads: bytes sent (and echoed back) per round trip</source>
        <translation>Charges écho&#xa0;: octets envoyés (et renvoyés en écho) par aller-retour</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A request unanswered for this long counts as an error (a client stuck in an iterative server&apos;s listen queue, for instance)</source>
        <translation>Une requête sans réponse pendant ce délai compte comme une erreur (un client bloqué dans la file d&apos;attente de listen d&apos;un serveur itératif, par exemple)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Workload:</source>
        <translation>C&amp;harge&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections:</source>
        <translation>&amp;Connexions&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;threads:</source>
        <translation>&amp;Threads de charge&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time per model:</source>
        <translation>Durée par &amp;modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pool size:</source>
        <translation>Taille du p&amp;ool&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;yload:</source>
        <translation>Charge &amp;utile&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request t&amp;imeout:</source>
        <translation>Délai de la &amp;requête&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Run the %1 model</source>
        <translation>Exécuter le modèle %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available for this workload: %1</source>
        <translation>Indisponible pour cette charge&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareResultsModel</name>
    <message>
        <location filename="../../widgets/compare/compareresultsmodel.cpp" line="+116"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests/s</source>
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MiB/s in</source>
        <translation>Mio/s reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Served at once</source>
        <translation>Servis en même temps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server threads</source>
        <translation>Threads du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Child processes</source>
        <translation>Processus fils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSS Δ MiB</source>
        <translation>Δ RSS Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests (HTTP responses, echo round trips) completed per second of the measured run</source>
        <translation>Requêtes (réponses HTTP, allers-retours écho) terminées par seconde pendant la mesure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes received by the clients per second, in MiB</source>
        <translation>Octets reçus par les clients par seconde, en Mio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency of the completed requests, from send to the full answer: half of them (p50) or 99 in 100 (p99) took at most this long. Requests that never got an answer are counted as errors, not here.</source>
        <translation>Latence des requêtes terminées, de l&apos;envoi à la réponse complète&#xa0;: la moitié d&apos;entre elles (p50) ou 99 sur 100 (p99) ont pris au plus ce temps. Les requêtes restées sans réponse sont comptées comme erreurs, pas ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed requests: timeouts (no answer within the request timeout), refused or reset connections, malformed answers</source>
        <translation>Requêtes en échec&#xa0;: délais dépassés (pas de réponse dans le délai de la requête), connexions refusées ou réinitialisées, réponses mal formées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections the server was serving at the same moment (peak of the samples taken in the second half of the run). An iterative server serves one; the other clients wait in the listen queue.</source>
        <translation>Connexions que le serveur servait au même moment (pic des échantillons pris pendant la seconde moitié de la mesure). Un serveur itératif en sert une seule&#xa0;; les autres clients attendent dans la file d&apos;attente de listen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Threads of this process that belong to the server, at the peak: the ones Server::start() created (acceptor, event loop, pool workers) plus the distinct threads serving a connection. The load generator&apos;s and the GUI&apos;s threads are not counted.</source>
        <translation>Threads de ce processus qui appartiennent au serveur, au pic&#xa0;: ceux que Server::start() a créés (accepteur, boucle d&apos;événements, threads du pool) plus les threads distincts qui servent une connexion. Les threads du générateur de charge et de l&apos;interface ne sont pas comptés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Processes the server forked to serve clients (fork model), alive at the peak</source>
        <translation>Processus créés par fork pour servir les clients (modèle fork), vivants au pic</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resident memory at the peak minus before the server started (VmRSS of this process, so the load generator&apos;s buffers are included, alike for every model), plus the private memory of each fork child (smaps_rollup Private_*: what it does not share with the parent)</source>
        <translation>Mémoire résidente au pic moins celle d&apos;avant le démarrage du serveur (VmRSS de ce processus&#xa0;: les tampons du générateur de charge sont donc inclus, de la même façon pour chaque modèle), plus la mémoire privée de chaque fils créé par fork (smaps_rollup Private_*&#xa0;: ce qu&apos;il ne partage pas avec le père)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first load error seen, or why the model could not run</source>
        <translation>La première erreur de charge rencontrée, ou la raison pour laquelle le modèle n&apos;a pas pu tourner</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareRunner</name>
    <message>
        <location filename="../../widgets/compare/comparerunner.cpp" line="+83"/>
        <source>%1 connections need more file descriptors than this process may open (ulimit -n): choose fewer connections</source>
        <translation>%1 connexions demandent plus de descripteurs de fichiers que ce processus ne peut en ouvrir (ulimit -n)&#xa0;: choisissez moins de connexions</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 cannot serve this workload: %2</source>
        <translation>%1 ne peut pas servir cette charge&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareWindow</name>
    <message>
        <location filename="../../widgets/compare/comparewindow.cpp" line="+34"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;CSV...</source>
        <translation>E&amp;xporter en CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PNG...</source>
        <translation>Exporter en &amp;PNG...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare Models — Socket Workbench</source>
        <translation>Comparer les modèles — Socket Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a server under each checked model in turn and load it</source>
        <translation>Lancer tour à tour un serveur sous chaque modèle coché et le charger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the comparison (the servers stop at once)</source>
        <translation>Annuler la comparaison (les serveurs s&apos;arrêtent aussitôt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the four charts as one PNG image</source>
        <translation>Enregistrer les quatre graphiques en une seule image PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Every model runs the same service code in this process on 127.0.0.1; only the way clients are handed to threads or processes changes. Hover a column header to see exactly what it measures.</source>
        <translation>Chaque modèle exécute le même code de service dans ce processus sur 127.0.0.1&#xa0;; seule change la façon de confier les clients à des threads ou à des processus. Survolez un en-tête de colonne pour voir exactement ce qu&apos;il mesure.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading the %1 server on %2 (%3 of %4)...</source>
        <translation>Test de charge du serveur %1 sur %2 (%3 sur %4)...</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Choose a workload and the models, then Start. Each model runs the server in this process on 127.0.0.1 and is loaded in turn.</source>
        <translation>Choisissez une charge et les modèles, puis Démarrer. Chaque modèle fait tourner le serveur dans ce processus sur 127.0.0.1 et est chargé à son tour.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>%1 skipped: %2</source>
        <translation>%1 ignoré&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No model to run: check at least one model this workload can use.</source>
        <translation>Aucun modèle à exécuter&#xa0;: cochez au moins un modèle utilisable par cette charge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Starting...</source>
        <translation>Démarrage...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Starting the %1 server (%2 of %3)...</source>
        <translation>Démarrage du serveur %1 (%2 sur %3)...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2/%3) %p%</source>
        <translation>%1 (%2/%3) %p%</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cancelled after %1 s: %n model(s) measured.</source>
        <translation>
            <numerusform>Annulée après %1 s&#xa0;: %n modèle mesuré.</numerusform>
            <numerusform>Annulée après %1 s&#xa0;: %n modèles mesurés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done in %1 s. %2</source>
        <translation>Terminé en %1 s. %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 served %2 of %3 clients at once</source>
        <translation>%1 a servi %2 clients sur %3 en même temps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No model could be measured.</source>
        <translation>Aucun modèle n&apos;a pu être mesuré.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Most requests/s: %1 (%2). Fewest threads and processes: %3 (%4).</source>
        <translation>Le plus de requêtes/s&#xa0;: %1 (%2). Le moins de threads et de processus&#xa0;: %3 (%4).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: the other clients waited their turn.</source>
        <translation>%1&#xa0;: les autres clients ont attendu leur tour.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write the image %1</source>
        <translation>Impossible d&apos;écrire l&apos;image %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export results as CSV</source>
        <translation>Exporter les résultats en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Export charts as PNG</source>
        <translation>Exporter les graphiques en PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>sockwb::Composer</name>
    <message>
        <location filename="../../widgets/composer/composertext.cpp" line="+27"/>
        <source>
[... %1 more not shown]</source>
        <translation>
[... %1 de plus non affichés]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerAuthWidget</name>
    <message>
        <location filename="../../widgets/composer/composerauthwidget.cpp" line="+17"/>
        <source>No authorization</source>
        <translation>Pas d&apos;autorisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (user and password)</source>
        <translation>Basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Authorization header is added.</source>
        <translation>Aucun en-tête Authorization n&apos;est ajouté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User:</source>
        <translation>Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent base64-encoded, not encrypted: anyone on the path can read it.</source>
        <translation>Envoyé encodé en base64, non chiffré&#xa0;: n&apos;importe qui sur le chemin peut le lire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerBodyEditor</name>
    <message>
        <location filename="../../widgets/composer/composerbodyeditor.cpp" line="+25"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form (URL-encoded)</source>
        <translation>Formulaire (encodé URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formater</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-indent the JSON text</source>
        <translation>Réindenter le texte JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body:</source>
        <translation>Corps&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This request has no body.</source>
        <translation>Cette requête n&apos;a pas de corps.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Path of the file to send as the body</source>
        <translation>Chemin du fichier à envoyer comme corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Not JSON: %1 at offset %2</source>
        <translation>Pas du JSON&#xa0;: %1 à la position %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid JSON</source>
        <translation>JSON valide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body file</source>
        <translation>Fichier du corps</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerBodyView</name>
    <message>
        <location filename="../../widgets/composer/composerbodyview.cpp" line="+32"/>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to file...</source>
        <translation>Enregistrer dans un fichier...</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No body.</source>
        <translation>Pas de corps.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Image %1 x %2, %3</source>
        <translation>Image %1 x %2, %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, pretty-printed</source>
        <translation>, mis en forme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HTML, rendered</source>
        <translation>HTML, rendu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 - showing the first %2 of %3</source>
        <translation>%1 - affichage des premiers %2 sur %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All %1 shown</source>
        <translation>Tout est affiché (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the response body</source>
        <translation>Enregistrer le corps de la réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save: %1</source>
        <translation>Impossible d&apos;enregistrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerCollection</name>
    <message>
        <location filename="../../widgets/composer/composercollection.cpp" line="+19"/>
        <source>Unsaved collection</source>
        <translation>Collection non enregistrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add current</source>
        <translation>Ajouter la requête actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open...</source>
        <translation>Ouvrir...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as...</source>
        <translation>Enregistrer sous...</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>not JSON: %1</source>
        <translation>pas du JSON&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a request collection</source>
        <translation>ce n&apos;est pas une collection de requêtes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>Collection: %1</source>
        <translation>Collection&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open a request collection</source>
        <translation>Ouvrir une collection de requêtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the request collection</source>
        <translation>Enregistrer la collection de requêtes</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerCurlDialog</name>
    <message>
        <location filename="../../widgets/composer/composercurldialog.cpp" line="+16"/>
        <source>Import cURL</source>
        <translation>Importer depuis cURL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a curl command. Understood: -X, -H, -d/--data/--data-raw/--data-binary, --url, -I, -L, --compressed, -A, -e, -u, -G, -m, --http1.0 and quoted arguments.</source>
        <translation>Collez une commande curl. Options comprises&#xa0;: -X, -H, -d/--data/--data-raw/--data-binary, --url, -I, -L, --compressed, -A, -e, -u, -G, -m, --http1.0 et les arguments entre guillemets.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerHistory</name>
    <message>
        <location filename="../../widgets/composer/composerhistory.cpp" line="+27"/>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to open the request in the form</source>
        <translation>Cliquez pour ouvrir la requête dans le formulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerKeyValueTable</name>
    <message>
        <location filename="../../widgets/composer/composerkeyvaluetable.cpp" line="+14"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Added by the client on its own; uncheck to leave it out</source>
        <translation>Ajouté d&apos;office par le client&#xa0;; décochez pour l&apos;omettre</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The client&apos;s default; type to replace it</source>
        <translation>Valeur par défaut du client&#xa0;; tapez pour la remplacer</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerRequestEditor</name>
    <message>
        <location filename="../../widgets/composer/composerrequesteditor.cpp" line="+99"/>
        <source>Any token is accepted (letters, digits and !#$%&amp;&apos;*+-.^_`|~)</source>
        <translation>Tout token est accepté (lettres, chiffres et&#xa0;!#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>http://127.0.0.1:8080/echo</source>
        <translation>http://127.0.0.1:8080/echo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Follow redirects (3xx with Location)</source>
        <translation>Suivre les redirections (3xx avec Location)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for a compressed response (gzip, deflate) and decode it</source>
        <translation>Demander une réponse compressée (gzip, deflate) et la décoder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeout (whole exchange):</source>
        <translation>Délai d&apos;attente (échange complet)&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Params</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>The method is empty: choose GET, POST... or type a token.</source>
        <translation>La méthode est vide&#xa0;: choisissez GET, POST... ou tapez un token.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not a valid method: use letters, digits and !#$%&amp;&apos;*+-.^_`|~ only.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une méthode valide&#xa0;: n&apos;utilisez que des lettres, des chiffres et&#xa0;!#$%&amp;&apos;*+-.^_`|~.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(not sent: no body)</source>
        <translation>(non envoyé&#xa0;: pas de corps)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Raw request: nothing to send yet</source>
        <translation>Requête brute&#xa0;: rien à envoyer pour le moment</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Raw request: the exact %n byte(s) Send will write</source>
        <translation>
            <numerusform>Requête brute&#xa0;: exactement %n octet, tel qu&apos;Envoyer l&apos;écrira</numerusform>
            <numerusform>Requête brute&#xa0;: exactement %n octets, tels qu&apos;Envoyer les écrira</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerResponseView</name>
    <message>
        <location filename="../../widgets/composer/composerresponseview.cpp" line="+75"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>Durées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirects</source>
        <translation>Redirections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No response yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>
[first %1 of %2 shown]</source>
        <translation>
[%1 premiers sur %2 affichés]</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ms  -  body %2, %3 received  -  %4 %5</source>
        <translation>%1 ms  -  corps %2, %3 reçus  -  %4 %5</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>(%n redirect(s))</source>
        <translation>
            <numerusform>(%n redirection)</numerusform>
            <numerusform>(%n redirections)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerTimingChart</name>
    <message>
        <location filename="../../widgets/composer/composertimingchart.cpp" line="+34"/>
        <source>Send a request to see where its time went.</source>
        <translation>Envoyez une requête pour voir où son temps est passé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resolve</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Wait (first byte)</source>
        <translation>Attente (premier octet)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total: %1 ms (kept-alive connection reused: no connect)</source>
        <translation>Total&#xa0;: %1 ms (connexion persistante réutilisée&#xa0;: pas de connect)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total: %1 ms</source>
        <translation>Total&#xa0;: %1 ms</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerWindow</name>
    <message>
        <location filename="../../widgets/composer/composerwindow.cpp" line="+68"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the request (Ctrl+Return)</source>
        <translation>Envoyer la requête (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy as cURL</source>
        <translation>Copier en commande cURL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import cURL...</source>
        <translation>Importer depuis cURL...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try with a local server</source>
        <translation>Essayer avec un serveur local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the workbench&apos;s http service on 127.0.0.1 (if none runs) and send to its /echo</source>
        <translation>Démarre le service http de l&apos;atelier sur 127.0.0.1 (s&apos;il n&apos;en tourne aucun) et envoie la requête à son /echo</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending...</source>
        <translation>Envoi...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>HTTP Composer - %1 %2</source>
        <translation>Compositeur HTTP - %1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fix the form first: %1</source>
        <translation>Corrigez d&apos;abord le formulaire&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>curl command copied to the clipboard</source>
        <translation>commande curl copiée dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Imported from curl</source>
        <translation>Importée depuis curl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not start the local http service: %1</source>
        <translation>Impossible de démarrer le service http local&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local http service on %1 (epoll model)</source>
        <translation>Service http local sur %1 (modèle epoll)</translation>
    </message>
</context>
<context>
    <name>sockwb::ConnectionsTable</name>
    <message>
        <location filename="../../widgets/server/connectionstable.cpp" line="+17"/>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closing</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listener</source>
        <translation>Point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worker</source>
        <translation>Exécutant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tid %1</source>
        <translation>tid %1</translation>
    </message>
</context>
<context>
    <name>sockwb::DataView</name>
    <message>
        <location filename="../../widgets/client/dataview.cpp" line="+27"/>
        <source>&amp;Hex</source>
        <translation>He&amp;xa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time stamps</source>
        <translation>H&amp;orodatage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the bytes as a hex dump instead of text</source>
        <translation>Afficher les octets en hexadécimal plutôt qu&apos;en texte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear</source>
        <translation>E&amp;ffacer</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 older rows dropped</source>
        <translation>%1 lignes plus anciennes supprimées</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>out</source>
        <translation>envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in</source>
        <translation>réception</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>… %1 more bytes not shown (%2 in all)</source>
        <translation>… %1 octets de plus non affichés (%2 en tout)</translation>
    </message>
</context>
<context>
    <name>sockwb::ErrorText</name>
    <message>
        <location filename="../../widgets/common/errortext.cpp" line="+55"/>
        <source>that address</source>
        <translation>cette adresse</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The address %1 is already in use: another server is listening on that port. Stop it, or choose another port (0 lets the system pick a free one).</source>
        <translation>L&apos;adresse %1 est déjà utilisée&#xa0;: un autre serveur écoute sur ce port. Arrêtez-le ou choisissez un autre port (0 laisse le système en choisir un libre).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Permission denied for %1: ports below 1024 need administrator rights. Choose a port above 1023.</source>
        <translation>Permission refusée pour %1&#xa0;: les ports inférieurs à 1024 exigent les droits d&apos;administrateur. Choisissez un port supérieur à 1023.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 is not an address of this machine: bind to 127.0.0.1, 0.0.0.0 or one of its own addresses.</source>
        <translation>%1 n&apos;est pas une adresse de cette machine&#xa0;: liez le socket à 127.0.0.1, à 0.0.0.0 ou à l&apos;une de ses propres adresses.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>gave up after %1 ms</source>
        <translation>abandon après %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>got %1 of %2 bytes</source>
        <translation>reçu %1 octets sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes still unsent</source>
        <translation>%1 octets toujours pas envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes, limit %2</source>
        <translation>%1 octets, limite %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the user</source>
        <translation>par l&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than %1 redirects</source>
        <translation>plus de %1 redirections</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection refused: nothing is listening on %1 (start the server first, or check the port).</source>
        <translation>Connexion refusée&#xa0;: rien n&apos;écoute sur %1 (démarrez d&apos;abord le serveur ou vérifiez le port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection refused: nothing is listening on that port.</source>
        <translation>Connexion refusée&#xa0;: rien n&apos;écoute sur ce port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No free local port is left to connect from.</source>
        <translation>Plus aucun port local libre pour se connecter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address is already used by another socket: choose another port (0 lets the system pick a free one).</source>
        <translation>L&apos;adresse est déjà utilisée par un autre socket&#xa0;: choisissez un autre port (0 laisse le système en choisir un libre).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot connect to %1: the destination is not usable or no free local port is left.</source>
        <translation>Impossible de se connecter à %1&#xa0;: la destination n&apos;est pas utilisable ou il ne reste aucun port local libre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot connect: the destination is not usable or no free local port is left.</source>
        <translation>Impossible de se connecter&#xa0;: la destination n&apos;est pas utilisable ou il ne reste aucun port local libre.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Binding %1 is not permitted (a security policy forbids it).</source>
        <translation>La liaison à %1 n&apos;est pas autorisée (une politique de sécurité l&apos;interdit).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied for %1.</source>
        <translation>Permission refusée pour %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Permission denied.</source>
        <translation>Permission refusée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation is not permitted for %1 (a firewall rule or missing privilege).</source>
        <translation>L&apos;opération n&apos;est pas autorisée pour %1 (une règle de pare-feu ou un privilège manquant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation is not permitted (a firewall rule or missing privilege).</source>
        <translation>L&apos;opération n&apos;est pas autorisée (une règle de pare-feu ou un privilège manquant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This address family is not available here (IPv6 disabled?): %1.</source>
        <translation>Cette famille d&apos;adresses n&apos;est pas disponible ici (IPv6 désactivé&#xa0;?)&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The network is unreachable.</source>
        <translation>Le réseau est inaccessible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host cannot be reached.</source>
        <translation>L&apos;hôte est injoignable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The peer %1 reset the connection (it closed abruptly or crashed).</source>
        <translation>Le pair %1 a réinitialisé la connexion (il a fermé brutalement ou planté).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The peer reset the connection (it closed abruptly or crashed).</source>
        <translation>Le pair a réinitialisé la connexion (il a fermé brutalement ou planté).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer closed the connection while we were still sending.</source>
        <translation>Le pair a fermé la connexion alors que nous envoyions encore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many open file descriptors (the limit, ulimit -n, is reached): close some connections first.</source>
        <translation>Trop de descripteurs de fichiers ouverts (la limite, ulimit -n, est atteinte)&#xa0;: fermez d&apos;abord quelques connexions.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system has too many open files: close some connections first.</source>
        <translation>Le système a trop de fichiers ouverts&#xa0;: fermez d&apos;abord quelques connexions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection was aborted before it could be accepted.</source>
        <translation>La connexion a été interrompue avant d&apos;avoir pu être acceptée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket is not connected.</source>
        <translation>Le socket n&apos;est pas connecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket is already connected.</source>
        <translation>Le socket est déjà connecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An argument is invalid for %1 in the socket&apos;s current state.</source>
        <translation>Un argument n&apos;est pas valide pour %1 dans l&apos;état actuel du socket.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message is too large to be sent in one datagram.</source>
        <translation>Le message est trop grand pour être envoyé en un seul datagramme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system is out of buffer memory.</source>
        <translation>Le système n&apos;a plus de mémoire pour ses tampons.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The descriptor is not open (a socket used after close?).</source>
        <translation>Le descripteur n&apos;est pas ouvert (un socket utilisé après close&#xa0;?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The descriptor is not a socket.</source>
        <translation>Le descripteur n&apos;est pas un socket.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation would block (no data or no room yet).</source>
        <translation>L&apos;opération bloquerait (pas encore de données ou de place).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The operation timed out (%1).</source>
        <translation>Le délai de l&apos;opération est dépassé (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer from %1 in time.</source>
        <translation>Pas de réponse de %1 dans le délai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer from %1 in time (%2).</source>
        <translation>Pas de réponse de %1 dans le délai (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name %1 is not known (check the spelling).</source>
        <translation>Le nom %1 est inconnu (vérifiez l&apos;orthographe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name %1 could not be resolved now (no DNS answer, try again).</source>
        <translation>Le nom %1 n&apos;a pas pu être résolu pour l&apos;instant (pas de réponse DNS, réessayez).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port or service of %1 is not valid.</source>
        <translation>Le port ou le service de %1 n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>No answer from %1 in time (wrong host, or a firewall drops the packets).</source>
        <translation>Pas de réponse de %1 dans le délai (mauvais hôte, ou un pare-feu rejette les paquets).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>The operation timed out.</source>
        <translation>Le délai de l&apos;opération est dépassé.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>No route to %1: the network or host cannot be reached.</source>
        <translation>Pas de route vers %1&#xa0;: le réseau ou l&apos;hôte est injoignable.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The peer %1 closed the connection while we were still sending.</source>
        <translation>Le pair %1 a fermé la connexion alors que nous envoyions encore.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cannot resolve the host name %1.</source>
        <translation>Impossible de résoudre le nom d&apos;hôte %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer closed the connection before all the expected bytes arrived (%1).</source>
        <translation>Le pair a fermé la connexion avant que tous les octets attendus soient arrivés (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer %1 closed the connection before all the expected bytes arrived (%2).</source>
        <translation>Le pair %1 a fermé la connexion avant que tous les octets attendus soient arrivés (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The datagram was larger than the receive buffer and was cut (%1).</source>
        <translation>Le datagramme était plus grand que le tampon de réception et a été tronqué (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message is larger than the allowed maximum (%1).</source>
        <translation>Un message dépasse la taille maximale autorisée (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer broke the protocol: %1.</source>
        <translation>Le pair n&apos;a pas respecté le protocole&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The peer %1 broke the protocol: %2.</source>
        <translation>Le pair %1 n&apos;a pas respecté le protocole&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled (%1).</source>
        <translation>Annulé (%1).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sockwb::HeadlessClients</name>
    <message>
        <location filename="../../widgets/client/headlessclients.cpp" line="+86"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Au Revoir received</source>
        <translation>Au Revoir reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 in / %2 out</source>
        <translation>%1 reçus / %2 envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms (avg %2)</source>
        <translation>%1 ms (moy. %2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes in</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes out</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round trip</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>sockwb::LanguageMenu</name>
    <message>
        <location filename="../../widgets/shell/languagemenu.cpp" line="+12"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;System default</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language takes effect at the next start of Socket Workbench.</source>
        <translation>La nouvelle langue prendra effet au prochain démarrage de Socket Workbench.</translation>
    </message>
</context>
<context>
    <name>sockwb::LaunchClientsDialog</name>
    <message>
        <location filename="../../widgets/client/launchclientsdialog.cpp" line="+35"/>
        <source>Launch Clients</source>
        <translation>Lancer des clients</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bonjour… until Au Revoir (clock service)</source>
        <translation>Bonjour… jusqu&apos;à Au Revoir (service clock)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo ping every interval (round-trip time)</source>
        <translation>Ping écho à chaque intervalle (temps aller-retour)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat bot: a line every interval</source>
        <translation>Robot de chat&#xa0;: une ligne à chaque intervalle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold the connection, idle</source>
        <translation>Garder la connexion, sans rien envoyer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As client &amp;windows</source>
        <translation>En &amp;fenêtres client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Headless, in a table</source>
        <translation>&amp;Sans fenêtre, dans un tableau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cascaded</source>
        <translation>En cascade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiled</source>
        <translation>En mosaïque</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target:</source>
        <translation>Cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients:</source>
        <translation>Clients&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario:</source>
        <translation>Scénario&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval:</source>
        <translation>Intervalle&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run:</source>
        <translation>Exécution&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close &amp;windows</source>
        <translation>Fe&amp;rmer les fenêtres</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Enter the host to connect to.</source>
        <translation>Saisissez l&apos;hôte auquel se connecter.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Opening %n client window(s)…</source>
        <translation>
            <numerusform>Ouverture de %n fenêtre client…</numerusform>
            <numerusform>Ouverture de %n fenêtres client…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n client window(s) opened.</source>
        <translation>
            <numerusform>%n fenêtre client ouverte.</numerusform>
            <numerusform>%n fenêtres client ouvertes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 clients received &quot;Au Revoir&quot;</source>
        <translation>%1 clients sur %2 ont reçu «&#xa0;Au Revoir&#xa0;»</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 clients connected</source>
        <translation>%1 clients sur %2 connectés</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n failed (see the Error column)</source>
        <translation>
            <numerusform>, %n en échec (voir la colonne Erreur)</numerusform>
            <numerusform>, %n en échec (voir la colonne Erreur)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockwb::ListenerTable</name>
    <message>
        <location filename="../../widgets/server/listenertable.cpp" line="+21"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bind address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add listener</source>
        <translation>Ajouter un point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>0 (automatic)</source>
        <translation>0 (automatique)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Extra listener %1: &quot;%2&quot; is not an IP address.</source>
        <translation>Point d&apos;écoute supplémentaire %1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas une adresse IP.</translation>
    </message>
</context>
<context>
    <name>sockwb::LogView</name>
    <message>
        <location filename="../../widgets/common/logview.cpp" line="+28"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 older dropped (keeps the last %2)</source>
        <translation>, %1 plus anciennes supprimées (garde les %2 dernières)</translation>
    </message>
</context>
<context>
    <name>sockwb::RefusalText</name>
    <message>
        <location filename="../../widgets/common/refusaltext.cpp" line="+25"/>
        <source>unknown model &apos;%1&apos;: valid models are %2</source>
        <translation>modèle «&#xa0;%1&#xa0;» inconnu&#xa0;: les modèles valides sont %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown service &apos;%1&apos;: the services are %2</source>
        <translation>service «&#xa0;%1&#xa0;» inconnu&#xa0;: les services sont %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 service relays lines between connected clients, and UDP has no connections: use TCP</source>
        <translation>le service %1 relaie les lignes entre clients connectés, et UDP n&apos;a pas de connexion&#xa0;: utilisez TCP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 service has no UDP form: use TCP</source>
        <translation>le service %1 n&apos;existe pas en UDP&#xa0;: utilisez TCP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 service has no TCP form: use UDP</source>
        <translation>le service %1 n&apos;existe pas en TCP&#xa0;: utilisez UDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 service cannot run under fork: each client lives in its own process, so lines cannot be relayed</source>
        <translation>le service %1 ne peut pas tourner sous fork&#xa0;: chaque client vit dans son propre processus, les lignes ne peuvent donc pas être relayées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 service cannot run under iterative: one client at a time cannot talk to anyone</source>
        <translation>le service %1 ne peut pas tourner en itératif&#xa0;: un seul client à la fois ne peut parler à personne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP has no connections to hand to a worker process: serve UDP with iterative, select, poll or epoll</source>
        <translation>UDP n&apos;a pas de connexion à confier à un processus de travail&#xa0;: servez UDP avec iterative, select, poll ou epoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP has no connections to hand to a worker thread: serve UDP with iterative, select, poll or epoll</source>
        <translation>UDP n&apos;a pas de connexion à confier à un thread de travail&#xa0;: servez UDP avec iterative, select, poll ou epoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the iterative model serves one UDP listener in its recvfrom loop: use select, poll or epoll to host several services in one server</source>
        <translation>le modèle itératif sert un seul point d&apos;écoute UDP dans sa boucle recvfrom&#xa0;: utilisez select, poll ou epoll pour héberger plusieurs services dans un même serveur</translation>
    </message>
</context>
<context>
    <name>sockwb::SendPanel</name>
    <message>
        <location filename="../../widgets/client/sendpanel.cpp" line="+35"/>
        <source>C&amp;hat mode</source>
        <translation>Mode c&amp;hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Text to send: escapes \n \r \t \xHH work. Ctrl+Enter sends.</source>
        <translation>Texte à envoyer&#xa0;: les échappements \n \r \t \xHH fonctionnent. Ctrl+Entrée envoie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text with escapes, or hex digits (&quot;42 6f 6e&quot;)</source>
        <translation>Texte avec échappements, ou chiffres hexadécimaux («&#xa0;42 6f 6e&#xa0;»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No line ending</source>
        <translation>Pas de fin de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length (32-bit)</source>
        <translation>Longueur (32 bits)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raw: the bytes as they are. Line: one message per line. Length: a 4-byte big-endian length before each message.</source>
        <translation>Brut&#xa0;: les octets tels quels. Ligne&#xa0;: un message par ligne. Longueur&#xa0;: une longueur sur 4 octets gros-boutiste avant chaque message.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send each line as &quot;[HH:MM:SS] nick: message&quot;, as the course&apos;s chat client</source>
        <translation>Envoyer chaque ligne sous la forme «&#xa0;[HH:MM:SS] pseudo: message&#xa0;», comme le client de chat du cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nickname</source>
        <translation>pseudo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was sent; double-click to put it back in the box</source>
        <translation>Ce qui a été envoyé&#xa0;; double-cliquez pour le remettre dans la zone de saisie</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The message is too large for its framing.</source>
        <translation>Le message est trop grand pour le format de trame choisi.</translation>
    </message>
</context>
<context>
    <name>sockwb::ServerForm</name>
    <message>
        <location filename="../../widgets/server/serverform.cpp" line="+66"/>
        <source>New Server</source>
        <translation>Nouveau serveur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>127.0.0.1: this machine only (safe default). 0.0.0.0: every IPv4 interface. ::1 and :: are the IPv6 equivalents.</source>
        <translation>127.0.0.1&#xa0;: cette machine seulement (choix sûr par défaut). 0.0.0.0&#xa0;: toutes les interfaces IPv4. ::1 et :: sont les équivalents IPv6.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0 (automatic)</source>
        <translation>0 (automatique)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 lets the kernel pick a free port; the panel shows the one chosen.</source>
        <translation>Avec 0, le noyau choisit un port libre&#xa0;; le panneau affiche celui qui a été choisi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clock: how many times the time is sent per request, then &quot;Au Revoir&quot;.</source>
        <translation>Clock&#xa0;: combien de fois l&apos;heure est envoyée par requête, puis «&#xa0;Au Revoir&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>folder of static files (optional)</source>
        <translation>dossier de fichiers statiques (facultatif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listener</source>
        <translation>Point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bind address:</source>
        <translation>Adresse de &amp;liaison&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticks:</source>
        <translation>Répétitions&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval:</source>
        <translation>Intervalle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root folder:</source>
        <translation>Dossier racine&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrency</source>
        <translation>Concurrence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size:</source>
        <translation>Taille du pool&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backlog:</source>
        <translation>File d&apos;attente (backlog)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max connections:</source>
        <translation>Connexions max.&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout:</source>
        <translation>Délai d&apos;inactivité&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra listeners (multi-service; with UDP: select, poll or epoll)</source>
        <translation>Points d&apos;écoute supplémentaires (multi-service&#xa0;; avec UDP&#xa0;: select, poll ou epoll)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&quot;%1&quot; is not an IP address: use 127.0.0.1, 0.0.0.0, ::1 or ::.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP&#xa0;: utilisez 127.0.0.1, 0.0.0.0, ::1 ou ::.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The root folder &quot;%1&quot; does not exist.</source>
        <translation>Le dossier racine «&#xa0;%1&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Root folder of the HTTP server</source>
        <translation>Dossier racine du serveur HTTP</translation>
    </message>
</context>
<context>
    <name>sockwb::ServerPanel</name>
    <message>
        <location filename="../../widgets/server/serverpanel.cpp" line="+66"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings...</source>
        <translation>Réglages...</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Change the configuration (while stopped)</source>
        <translation>Modifier la configuration (serveur arrêté)</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>starting %1 (%2 model)...</source>
        <translation>démarrage de %1 (modèle %2)...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server could not start: %1</source>
        <translation>Le serveur n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (+%1)</source>
        <translation> (+%1)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 server events dropped: too many to show</source>
        <translation>%1 événements du serveur ignorés&#xa0;: trop nombreux pour être affichés</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 listening on %2</source>
        <translation>%1 en écoute sur %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#%1 connected from %2 (fd %3)</source>
        <translation>n°%1 connecté depuis %2 (fd %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#%1 closed (%2 bytes in, %3 bytes out)</source>
        <translation>n°%1 fermé (%2 octets reçus, %3 octets envoyés)</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>... %n more data line(s) not shown</source>
        <translation>
            <numerusform>... %n ligne de données de plus non affichée</numerusform>
            <numerusform>... %n lignes de données de plus non affichées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped: %1, %2 model</source>
        <translation>Arrêté&#xa0;: %1, modèle %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting...</source>
        <translation>Démarrage...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not running: %1, %2 model</source>
        <translation>Pas en marche&#xa0;: %1, modèle %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listening: %1 · model %2 · up %3:%4:%5</source>
        <translation>En écoute&#xa0;: %1 · modèle %2 · actif depuis %3:%4:%5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accepted %1 · active %2 · in %3 B · out %4 B · datagrams %5 in / %6 out · errors %7 · refused %8</source>
        <translation>acceptées %1 · actives %2 · reçus %3 o · envoyés %4 o · datagrammes %5 reçus / %6 envoyés · erreurs %7 · refusées %8</translation>
    </message>
</context>
<context>
    <name>sockwb::SideBar</name>
    <message>
        <location filename="../../widgets/shell/sidebar.cpp" line="+25"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopping</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sockwb::TraceModel</name>
    <message>
        <location filename="../../widgets/trace/tracemodel.cpp" line="+51"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pid/tid</source>
        <translation>pid/tid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>sockwb::TraceView</name>
    <message>
        <location filename="../../widgets/trace/traceview.cpp" line="+50"/>
        <source>calls: accept, recv, send...</source>
        <translation>appels&#xa0;: accept, recv, send...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only these calls (comma-separated names or prefixes)</source>
        <translation>Afficher seulement ces appels (noms ou préfixes séparés par des virgules)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the calls on this file descriptor</source>
        <translation>Afficher seulement les appels sur ce descripteur de fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+136"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Freeze the table; calls made meanwhile are shown on resume</source>
        <translation>Figer le tableau&#xa0;; les appels faits entre-temps sont affichés à la reprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV...</source>
        <translation>Exporter en CSV...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>keep </source>
        <translation>garder </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows kept; older calls are dropped and counted</source>
        <translation>Lignes conservées&#xa0;; les appels plus anciens sont supprimés et comptés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter:</source>
        <translation>Filtre&#xa0;:</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Export the trace</source>
        <translation>Exporter la trace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows written to %2</source>
        <translation>%1 lignes écrites dans %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (of %1)</source>
        <translation> (sur %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 dropped</source>
        <translation>, %1 supprimées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, paused: %1 waiting</source>
        <translation>, en pause&#xa0;: %1 en attente</translation>
    </message>
</context>
<context>
    <name>sockwb::app::MainWindow</name>
    <message>
        <location filename="../../app/gui/mainwindow.cpp" line="+46"/>
        <source>Socket Workbench</source>
        <translation>Socket Workbench</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Socket Workbench&lt;/h2&gt;&lt;p&gt;Start a server with &lt;b&gt;Server &amp;gt; New Server&lt;/b&gt; (Ctrl+N), then open clients against it with &lt;b&gt;New Client&lt;/b&gt; or &lt;b&gt;Launch Clients&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Every socket call shows in the trace; hover a call to read what it does.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Socket Workbench&lt;/h2&gt;&lt;p&gt;Démarrez un serveur avec &lt;b&gt;Atelier &amp;gt; Nouveau serveur&lt;/b&gt; (Ctrl+N), puis ouvrez des clients vers lui avec &lt;b&gt;Nouveau client&lt;/b&gt; ou &lt;b&gt;Lancer des clients&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Chaque appel sur un socket apparaît dans la trace&#xa0;; survolez un appel pour lire ce qu&apos;il fait.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Trace (all servers)</source>
        <translation>Trace (tous les serveurs)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New &amp;Server...</source>
        <translation>Nouveau &amp;serveur...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a TCP or UDP server with a service and a concurrency model</source>
        <translation>Démarrer un serveur TCP ou UDP avec un service et un modèle de concurrence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Client</source>
        <translation>Nouveau &amp;client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a client window (aimed at the selected server)</source>
        <translation>Ouvrir une fenêtre client (dirigée vers le serveur sélectionné)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Launch Clients...</source>
        <translation>&amp;Lancer des clients...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start many clients at once with a scenario</source>
        <translation>Démarrer de nombreux clients d&apos;un coup avec un scénario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;HTTP Request...</source>
        <translation>Nouvelle requête &amp;HTTP...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the HTTP composer: compose a request, send it, see the exact bytes and timings</source>
        <translation>Ouvrir le compositeur HTTP&#xa0;: composer une requête, l&apos;envoyer, voir les octets exacts et les durées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare &amp;Models...</source>
        <translation>Comparer les &amp;modèles...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a server under each concurrency model in turn and compare requests/s, latency, memory and threads</source>
        <translation>Charger tour à tour un serveur sous chaque modèle de concurrence et comparer requêtes/s, latence, mémoire et threads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Workbench</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>W&amp;indow</source>
        <translation>&amp;Fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cascade client windows</source>
        <translation>Fenêtres client en &amp;cascade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tile client windows</source>
        <translation>Fenêtres client en &amp;mosaïque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket API &amp;cheat sheet</source>
        <translation>&amp;Aide-mémoire de l&apos;API socket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Socket Workbench</source>
        <translation>&amp;À propos de Socket Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>server %1 running</source>
        <translation>serveur %1 en marche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server %1 running</source>
        <translation>Serveur %1 en marche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server %1: %2</source>
        <translation>serveur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server %1 did not start (see its panel)</source>
        <translation>Le serveur %1 n&apos;a pas démarré (voir son panneau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server %1 stopped</source>
        <translation>serveur %1 arrêté</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>About Socket Workbench</source>
        <translation>À propos de Socket Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Socket Workbench %1&lt;/h3&gt;&lt;p&gt;Client/server experiments over the POSIX socket API: servers under every concurrency model, many clients, and every socket call made visible in a live trace.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Socket Workbench %1&lt;/h3&gt;&lt;p&gt;Expériences client/serveur avec l&apos;API socket POSIX&#xa0;: des serveurs sous chaque modèle de concurrence, de nombreux clients, et chaque appel sur un socket rendu visible dans une trace en direct.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 server(s), %2 running · %3 client window(s)</source>
        <translation>%1 serveur(s), %2 en marche · %3 fenêtre(s) client</translation>
    </message>
</context>
<context>
    <name>sockwb::app::main</name>
    <message>
        <location filename="../../app/main.cpp" line="+107"/>
        <source>Socket Workbench: %1 received, closing the workbench (every server is stopped).</source>
        <translation>Socket Workbench : %1 reçu, fermeture de l’atelier (chaque serveur est arrêté).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Socket Workbench %1: main window open, closing it in %2 ms (--quit-after).</source>
        <translation>Socket Workbench %1 : fenêtre principale ouverte, fermeture dans %2 ms (--quit-after).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Socket Workbench: closing the main window (--quit-after).</source>
        <translation>Socket Workbench : fermeture de la fenêtre principale (--quit-after).</translation>
    </message>
</context>
</TS>
