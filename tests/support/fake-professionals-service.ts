import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, ProfessionalContactRpc, type ProfessionalContactView } from '@coop/contracts';
import { namespacedSubject } from '@coop/platform';

/**
 * FAKE of the professionals service (another engineer builds the real one): answers only
 * `professionals.professional.contact.v1`, over core NATS with Nest's reply packet, from a fixed
 * list. Unknown ids get the real service's `not_found` error.
 */
export class FakeProfessionalsService {
  private constructor(private readonly nc: NatsConnection) {}

  static async start(natsUrl: string, namespace: string, professionals: ProfessionalContactView[]): Promise<FakeProfessionalsService> {
    const nc = await connect({ servers: natsUrl });
    const byId = new Map(professionals.map((professional) => [professional.id, professional]));
    nc.subscribe(namespacedSubject(namespace, ProfessionalContactRpc.subject), {
      callback: (_error, message) => {
        const packet = message.json<{ id: string; data: { professionalId: string } }>();
        const found = byId.get(packet.data.professionalId);
        const reply = found
          ? { response: found, isDisposed: true, id: packet.id }
          : { err: { code: ErrorCode.NotFound, message: `Professional ${packet.data.professionalId} was not found` }, isDisposed: true, id: packet.id };
        message.respond(JSON.stringify(reply));
      },
    });
    await nc.flush();
    return new FakeProfessionalsService(nc);
  }

  stop(): Promise<void> {
    return this.nc.close();
  }
}
