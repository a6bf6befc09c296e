import { Injectable } from '@nestjs/common';
import { CoalitionNetwork } from '@soundings/shared';
import { CoalitionRepository } from './coalition.repository';
import { NetworkQueryDto } from './dto/network-query.dto';
import { mapNetworkLink, mapNetworkNode } from './network.mapper';

@Injectable()
export class CoalitionService {
  constructor(private readonly coalition: CoalitionRepository) {}

  /** Two statements whatever the campaign's size: the people, and the ties among them. */
  async network(query: NetworkQueryDto): Promise<CoalitionNetwork> {
    const [nodes, links] = await Promise.all([this.coalition.networkNodes(query), this.coalition.networkLinks(query)]);
    return { nodes: nodes.map(mapNetworkNode), links: links.map(mapNetworkLink) };
  }
}
