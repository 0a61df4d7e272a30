import type { APIRoute } from 'astro';
import { getSiteData } from '../site/data';

/** Every paper record, in order of first appearance, as the schema defines it. */
export const GET = (() =>
  new Response(JSON.stringify(getSiteData().papers), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })) satisfies APIRoute;
