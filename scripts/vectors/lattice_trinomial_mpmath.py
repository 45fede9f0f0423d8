# Reference values of the trinomial tree of assembly/lattice/trinomial.ts, in mpmath at 50 digits, for
# test/lattice/coarse.test.ts. Run: python3 scripts/vectors/lattice_trinomial_mpmath.py (mpmath 1.x).
from mpmath import mp, mpf, exp, sqrt, asinh, expm1
mp.dps = 50
def tri(isCall, american, S, K, T, vol, r, q, N):
    S,K,T,vol,r,q = map(mpf,(S,K,T,vol,r,q))
    dt = T/N; a=(r-q)*dt; b = 2*asinh(sqrt(mpf(3)/8*expm1(vol**2*dt)))
    u = exp(b); pu = mpf(2)/3/(1+u); pd = mpf(2)/3*u/(1+u); pm = mpf(1)/3; disc = exp(-r*dt)
    NN = N+1
    spot = lambda i,j: S*exp((i-1)*a + (j-i)*b)
    pay = lambda s: max(s-K,0) if isCall else max(K-s,0)
    V = [pay(spot(NN,j)) for j in range(2*NN+1)]
    vals = {}
    for i in range(NN-1,-1,-1):
        V = [disc*(pu*V[j+2]+pm*V[j+1]+pd*V[j]) for j in range(2*i+1)]
        if american: V = [max(V[j], pay(spot(i,j))) for j in range(2*i+1)]
        if i == 1: vm,v0,vp = V
    sm, sp = S*exp(-b), S*exp(b); sroot = S*exp(-a)
    delta = (vp-vm)/(sp-sm)
    gamma = ((vp-v0)/(sp-S) - (v0-vm)/(S-sm))/((sp-sm)/2)
    h = S - sroot
    theta = (v0 - (V[0] + delta*h + gamma*h*h/2))/dt
    return v0, delta, gamma, theta
import sys
cases = [(True,100,100,50,10,0,0,1),(True,100,100,50,10,0,0,2),(True,100,100,10,10,0,0,1),(True,100,100,50,5,0,0,1),
         (True,100,100,50,10,0.05,0.02,1),(False,100,100,50,10,0.05,0.02,1),(False,100,100,50,10,0.05,0.02,3),(True,100,80,10,10,0.03,0.01,2)]
for c in cases:
    isCall,S,K,T,v,r,q,N = c
    res = tri(isCall, True, S,K,T,v,r,q,N)
    print(c, [mp.nstr(x, 17) for x in res])
