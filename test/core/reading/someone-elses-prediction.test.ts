/**
 * What someone else says Archie will answer, or says about us, is theirs: "my boss says you'll tell us
 * microservices" describes no system, while the team's own sentences still count.
 */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src/core/reading/read-message.js';

const facts = (text: string) => Object.fromEntries(readMessage(text).facts.map((f) => [f.key, f.value]));

describe("someone else's prediction", () => {
  it('is not a fact about the team', () => {
    expect(facts("hi archie, my boss says you'll tell us microservices 😄")).toEqual({});
    expect(facts('Our CTO says that you will recommend Kubernetes and microservices.')).toEqual({});
  });

  it("leaves the team's own statements alone", () => {
    expect(facts('My CTO says you will recommend microservices. We are 5 engineers on one Django app.')).toMatchObject({
      engineers: 5,
      currentArchitecture: 'monolith',
    });
  });
});
